namespace IamLab.World.Sts;

/// <summary>The parameters of AssumeRole, named as in AWS's API.</summary>
public sealed record AssumeRoleRequest(string RoleArn, string RoleSessionName)
{
    /// <summary>The session's duration in seconds (900 up to the role's MaxSessionDuration; 3,600 at most when chaining). Default 3,600.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>The external id the trust policy may require (<c>sts:ExternalId</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>The inline session policy (2,048 characters at most).</summary>
    public string? Policy { get; init; }

    /// <summary>Managed session policy ARNs (ten at most).</summary>
    public IReadOnlyList<string> PolicyArns { get; init; } = [];

    /// <summary>Session tags.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The keys of the session tags that pass on along a chain.</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>The source identity (kept for the whole chain).</summary>
    public string? SourceIdentity { get; init; }
}
