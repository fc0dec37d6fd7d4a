namespace IamLab.Scenarios.Model;

/// <summary>AssumeRole's parameters.</summary>
public sealed record AssumeRoleSpec
{
    /// <summary>RoleArn.</summary>
    public required string RoleArn { get; init; }

    /// <summary>RoleSessionName.</summary>
    public string RoleSessionName { get; init; } = "iamlab";

    /// <summary>ExternalId.</summary>
    public string? ExternalId { get; init; }

    /// <summary>DurationSeconds.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>The inline session policy.</summary>
    public PolicySource? Policy { get; init; }

    /// <summary>Managed session policy ARNs.</summary>
    public IReadOnlyList<string> PolicyArns { get; init; } = [];

    /// <summary>SourceIdentity.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>Session tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Transitive tag keys.</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>Condition keys of the call (aws:SourceIp, aws:MultiFactorAuthPresent, ...).</summary>
    public IReadOnlyDictionary<string, string[]> Context { get; init; } = new Dictionary<string, string[]>();
}
