namespace IamLab.World.State;

/// <summary>
/// The lab's own identity providers as saved state: the SAML IdP's and OIDC issuer's keys (PKCS#8) and certificates
/// (DER), both base64, and the key sets the lab has "fetched" from OIDC issuers. Saved so that a reloaded world still
/// verifies the tokens its providers were registered for.
/// </summary>
internal sealed class FederationData
{
    public string? SamlEntityId { get; set; }

    public string? SamlKey { get; set; }

    public string? SamlCertificate { get; set; }

    public string? OidcKey { get; set; }

    public string? OidcCertificate { get; set; }

    /// <summary>Published JSON Web Key Sets by issuer host (and path), without <c>https://</c>.</summary>
    public SortedDictionary<string, string> Jwks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
