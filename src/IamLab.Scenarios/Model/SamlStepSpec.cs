namespace IamLab.Scenarios.Model;

/// <summary>AssumeRoleWithSAML's parameters and what the lab IdP asserts.</summary>
public sealed record SamlStepSpec
{
    /// <summary>RoleArn.</summary>
    public required string RoleArn { get; init; }

    /// <summary>PrincipalArn (the SAML provider).</summary>
    public required string PrincipalArn { get; init; }

    /// <summary>The Subject NameID.</summary>
    public required string NameId { get; init; }

    /// <summary>The RoleSessionName attribute.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>The SessionDuration attribute.</summary>
    public int? SessionDuration { get; init; }

    /// <summary>PrincipalTag attributes.</summary>
    public IReadOnlyDictionary<string, string> PrincipalTags { get; init; } = new Dictionary<string, string>();

    /// <summary>The TransitiveTagKeys attribute: which of the PrincipalTag attributes stay with the session through role chaining.</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>The SourceIdentity attribute (the trust must allow sts:SetSourceIdentity).</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>The audience the assertion names (AWS sign-in by default).</summary>
    public string? Audience { get; init; }

    /// <summary>DurationSeconds.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>The inline session policy.</summary>
    public PolicySource? Policy { get; init; }
}
