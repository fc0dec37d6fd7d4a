namespace IamLab.World.Federation;

/// <summary>
/// What AWS takes from a verified SAML response: the values behind the <c>SAML:*</c> condition keys, the session
/// name and duration, and the principal tags.
/// </summary>
public sealed record SamlClaims
{
    /// <summary>The Issuer of the assertion (<c>SAML:iss</c>).</summary>
    public required string Issuer { get; init; }

    /// <summary>The Subject NameID (<c>SAML:sub</c>).</summary>
    public required string Subject { get; init; }

    /// <summary>The NameID format, without the SAML 2.0 prefix (<c>SAML:sub_type</c>), e.g. <c>persistent</c>.</summary>
    public required string SubjectType { get; init; }

    /// <summary>The Recipient of the SubjectConfirmationData (<c>SAML:aud</c>).</summary>
    public required string Audience { get; init; }

    /// <summary>BASE64(SHA1(issuer + account id + "/" + provider name)) (<c>SAML:namequalifier</c>).</summary>
    public required string NameQualifier { get; init; }

    /// <summary>The role the response lets the caller assume.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The SAML provider ARN the caller named.</summary>
    public required string ProviderArn { get; init; }

    /// <summary>The <c>RoleSessionName</c> attribute.</summary>
    public required string RoleSessionName { get; init; }

    /// <summary>The <c>SessionDuration</c> attribute in seconds, when present.</summary>
    public int? SessionDurationSeconds { get; init; }

    /// <summary>The earliest <c>NotOnOrAfter</c> of the assertion.</summary>
    public required DateTimeOffset NotOnOrAfter { get; init; }

    /// <summary>Session tags from <c>PrincipalTag:KEY</c> attributes.</summary>
    public required IReadOnlyDictionary<string, string> PrincipalTags { get; init; }

    /// <summary>The values of the <c>TransitiveTagKeys</c> attribute: which session tags are transitive.</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>The <c>SourceIdentity</c> attribute, when present.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>
    /// The condition keys AWS sets for the trust policy evaluation: <c>SAML:aud</c>, <c>SAML:iss</c>,
    /// <c>SAML:sub</c>, <c>SAML:sub_type</c>, <c>SAML:namequalifier</c> and <c>SAML:doc</c> (case-insensitive keys).
    /// </summary>
    public required IReadOnlyDictionary<string, string> ConditionKeys { get; init; }
}
