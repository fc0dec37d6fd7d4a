namespace IamLab.Endpoint.Federation;

/// <summary>One role the SAML user may assume, with the IAM SAML provider that vouches for it.</summary>
public sealed record SamlRoleRequest
{
    /// <summary>The role's ARN.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The IAM SAML provider's ARN.</summary>
    public string? ProviderArn { get; init; }
}

/// <summary>The body of <c>POST /_lab/saml/response</c>: who signs in and which roles the IdP asserts for them.</summary>
public sealed record SamlResponseRequest
{
    /// <summary>The Subject NameID (AWS's <c>saml:sub</c>).</summary>
    public string? NameId { get; init; }

    /// <summary>The RoleSessionName attribute; the NameID when absent.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>The Role attribute's pairs.</summary>
    public IReadOnlyList<SamlRoleRequest>? Roles { get; init; }

    /// <summary>The optional SessionDuration attribute.</summary>
    public int? SessionDurationSeconds { get; init; }

    /// <summary>Session tags (PrincipalTag attributes).</summary>
    public IReadOnlyDictionary<string, string>? PrincipalTags { get; init; }

    /// <summary>The audience; AWS's sign-in endpoint when absent (set another to see AWS refuse it).</summary>
    public string? Audience { get; init; }
}

/// <summary>
/// The body of <c>POST /_lab/oidc/token</c> (or the query of <c>GET</c>): the GitHub Actions run the token describes.
/// </summary>
public sealed record OidcTokenRequest
{
    /// <summary>The repository, <c>owner/name</c>.</summary>
    public string? Repository { get; init; }

    /// <summary>The git ref, <c>refs/heads/main</c> by default.</summary>
    public string? Ref { get; init; }

    /// <summary>The deployment environment, or null.</summary>
    public string? Environment { get; init; }

    /// <summary>The triggering event, <c>push</c> by default.</summary>
    public string? EventName { get; init; }

    /// <summary>The actor, <c>octocat</c> by default.</summary>
    public string? Actor { get; init; }

    /// <summary>The <c>aud</c> claim, <c>sts.amazonaws.com</c> by default.</summary>
    public string? Audience { get; init; }

    /// <summary>The token's lifetime in seconds (1 to 3,600), five minutes by default.</summary>
    public int? LifetimeSeconds { get; init; }
}
