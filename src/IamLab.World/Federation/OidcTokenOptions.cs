namespace IamLab.World.Federation;

/// <summary>How the lab OIDC issuer shapes one token.</summary>
public sealed record OidcTokenOptions
{
    /// <summary>The audience AWS expects from GitHub Actions (the configure-aws-credentials default).</summary>
    public const string StsAudience = "sts.amazonaws.com";

    /// <summary>The <c>aud</c> claim.</summary>
    public string Audience { get; init; } = StsAudience;

    /// <summary>How long the token is valid after it is issued (<c>exp</c> - <c>iat</c>).</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);
}
