namespace IamLab.World.Sts;

/// <summary>
/// The verified facts of a SAML assertion or a web identity token, as the federation module hands them to
/// STS: subject, issuer, audience, the condition keys they set (<c>SAML:aud</c>,
/// <c>token.actions.githubusercontent.com:sub</c>, ...), and what they ask of the session.
/// </summary>
public sealed record FederatedClaims(string Subject, string Issuer, string Audience, IReadOnlyDictionary<string, string[]> ConditionKeys)
{
    /// <summary>SAML's SubjectType (<c>persistent</c>, <c>transient</c>, ...).</summary>
    public string? SubjectType { get; init; }

    /// <summary>SAML's NameQualifier (a hash of issuer, account and provider name).</summary>
    public string? NameQualifier { get; init; }

    /// <summary>The session name the assertion carries (SAML's RoleSessionName attribute).</summary>
    public string? SessionName { get; init; }

    /// <summary>The session duration the assertion asks for (SAML's SessionDuration attribute).</summary>
    public int? SessionDuration { get; init; }

    /// <summary>The source identity the token or assertion carries.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>Session tags carried by the token or assertion.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The keys of those tags that are transitive.</summary>
    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];
}
