namespace IamLab.World.Federation;

/// <summary>
/// What AWS takes from a verified web identity token: issuer, subject, audience, validity, and the condition keys
/// (<c>PROVIDER:sub</c>, <c>PROVIDER:aud</c>, and the provider-specific claims AWS supports).
/// </summary>
public sealed record WebIdentityClaims
{
    /// <summary>The <c>iss</c> claim.</summary>
    public required string Issuer { get; init; }

    /// <summary>The provider URL without <c>https://</c>: the prefix of the condition keys.</summary>
    public required string ProviderKeyPrefix { get; init; }

    /// <summary>The <c>sub</c> claim.</summary>
    public required string Subject { get; init; }

    /// <summary>The audience that matched one of the provider's client ids.</summary>
    public required string Audience { get; init; }

    /// <summary>The <c>exp</c> claim.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Every string-valued claim of the token (the first value when a claim repeats).</summary>
    public required IReadOnlyDictionary<string, string> TokenClaims { get; init; }

    /// <summary>
    /// The condition keys for the trust policy, e.g. <c>token.actions.githubusercontent.com:sub</c> (case-insensitive keys).
    /// </summary>
    public required IReadOnlyDictionary<string, string> ConditionKeys { get; init; }

    /// <summary>Session tags from the <c>principal_tags</c> of AWS's claim <c>https://aws.amazon.com/tags</c>.</summary>
    public IReadOnlyDictionary<string, string> PrincipalTags { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>transitive_tag_keys</c> of the same claim.</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>AWS's claim <c>https://aws.amazon.com/source_identity</c>, when present.</summary>
    public string? SourceIdentity { get; init; }
}
