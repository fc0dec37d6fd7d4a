namespace IamLab.Scenarios.Model;

/// <summary>AssumeRoleWithWebIdentity's parameters and the GitHub workflow run the token describes.</summary>
public sealed record WebIdentityStepSpec
{
    /// <summary>RoleArn.</summary>
    public required string RoleArn { get; init; }

    /// <summary>RoleSessionName.</summary>
    public string RoleSessionName { get; init; } = "iamlab";

    /// <summary>The issuer URL (a declared OIDC provider's).</summary>
    public string Issuer { get; init; } = "https://token.actions.githubusercontent.com";

    /// <summary>The token's aud.</summary>
    public string Audience { get; init; } = "sts.amazonaws.com";

    /// <summary>The repository, owner/name.</summary>
    public required string Repository { get; init; }

    /// <summary>The git ref.</summary>
    public string Ref { get; init; } = "refs/heads/main";

    /// <summary>The deployment environment.</summary>
    public string? Environment { get; init; }

    /// <summary>The triggering event.</summary>
    public string Event { get; init; } = "push";

    /// <summary>DurationSeconds.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>The inline session policy.</summary>
    public PolicySource? Policy { get; init; }
}
