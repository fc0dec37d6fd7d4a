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

    /// <summary>
    /// Session tags, sent in AWS's claim <c>https://aws.amazon.com/tags</c> as <c>principal_tags</c> (each value a
    /// one-element list, as in the IAM User Guide's example). An IdP configured for AWS adds them; GitHub Actions never does.
    /// </summary>
    public IReadOnlyDictionary<string, string> SessionTags { get; init; } = new Dictionary<string, string>();

    /// <summary>The keys of <see cref="SessionTags"/> to make transitive (<c>transitive_tag_keys</c> in the same claim).</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>The source identity, sent in AWS's claim <c>https://aws.amazon.com/source_identity</c>; null leaves it out.</summary>
    public string? SourceIdentity { get; init; }
}
