namespace IamLab.World.Federation;

/// <summary>
/// What IAM knows about an OIDC identity provider, plus the keys its issuer publishes: the issuer URL (with or
/// without <c>https://</c>), the client ids (allowed audiences), the certificate thumbprints, and the JWKS document.
/// </summary>
/// <param name="Url">The provider URL, e.g. <c>token.actions.githubusercontent.com</c> or <c>https://token.actions.githubusercontent.com</c>.</param>
/// <param name="ClientIds">The audiences the provider accepts (<c>sts.amazonaws.com</c> for GitHub Actions).</param>
/// <param name="Thumbprints">
/// SHA-1 thumbprints (40 hex digits) of the issuer's certificate; when empty, no thumbprint check is made (as AWS
/// does for providers it trusts through its own root CAs, GitHub among them).
/// </param>
/// <param name="JwksJson">The issuer's JSON Web Key Set.</param>
public sealed record OidcProviderInfo(string Url, IReadOnlyList<string> ClientIds, IReadOnlyList<string> Thumbprints, string JwksJson)
{
    /// <summary>The URL without the scheme and trailing slash: the prefix of the condition keys.</summary>
    public string HostAndPath => Strip(Url);

    internal static string Strip(string url) =>
        (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..] : url).TrimEnd('/');
}
