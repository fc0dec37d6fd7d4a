using IamLab.World.Errors;
using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.World.Federation;

/// <summary>
/// The federation module as STS sees it (<see cref="LabWorld.FederationVerifier"/>): SAML responses are checked with
/// <see cref="SamlAssertionVerifier"/> against the IAM provider's metadata, web identity tokens with
/// <see cref="WebIdentityTokenVerifier"/> against the key set published by the token's issuer.
/// </summary>
/// <remarks>
/// AWS fetches an OIDC issuer's keys over HTTPS; the lab has no network, so the key sets are registered here
/// (<see cref="RegisterIssuer"/>, <see cref="RegisterJwks"/>). Thumbprints recorded in IAM are checked against the
/// issuer's certificate, except for issuers AWS trusts through its own root CAs (GitHub Actions), where AWS ignores them.
/// </remarks>
public sealed class LabFederationVerifier : IFederationVerifier
{
    private static readonly HashSet<string> TrustedThroughRootCas = new(StringComparer.OrdinalIgnoreCase)
    {
        "token.actions.githubusercontent.com",
    };

    private readonly IDictionary<string, string> _jwksByIssuer;

    /// <summary>A verifier that knows no issuer's keys yet.</summary>
    public LabFederationVerifier()
        : this(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))
    {
    }

    /// <summary>A verifier whose published key sets live in <paramref name="jwksByIssuer"/> (the world's saved state).</summary>
    internal LabFederationVerifier(IDictionary<string, string> jwksByIssuer) => _jwksByIssuer = jwksByIssuer;

    /// <summary>Publishes an issuer's key set, as if the lab had fetched it from the issuer.</summary>
    /// <param name="issuer">The lab issuer.</param>
    public void RegisterIssuer(LabOidcIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        RegisterJwks(issuer.Issuer, issuer.GetJwksJson());
    }

    /// <summary>Publishes the JSON Web Key Set of the issuer at <paramref name="issuerUrl"/>.</summary>
    /// <param name="issuerUrl">The issuer URL, with or without <c>https://</c>.</param>
    /// <param name="jwksJson">The key set.</param>
    public void RegisterJwks(string issuerUrl, string jwksJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerUrl);
        ArgumentNullException.ThrowIfNull(jwksJson);
        _jwksByIssuer[OidcProviderInfo.Strip(issuerUrl)] = jwksJson;
    }

    /// <inheritdoc />
    public IamResult<FederatedClaims> VerifySaml(string samlAssertion, SamlProvider provider, string roleArn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var result = SamlAssertionVerifier.Verify(samlAssertion, provider.MetadataDocument, roleArn, provider.Arn, now);
        if (!result.IsSuccess)
        {
            return ToIamError(result.Error);
        }
        var claims = result.Claims;
        return new FederatedClaims(claims.Subject, claims.Issuer, claims.Audience, Arrays(claims.ConditionKeys))
        {
            SubjectType = claims.SubjectType,
            NameQualifier = claims.NameQualifier,
            SessionName = claims.RoleSessionName,
            SessionDuration = claims.SessionDurationSeconds,
            Tags = claims.PrincipalTags.Select(t => new Tag(t.Key, t.Value)).ToList(),
            TransitiveTagKeys = claims.TransitiveTagKeys,
            SourceIdentity = claims.SourceIdentity,
        };
    }

    /// <inheritdoc />
    public IamResult<FederatedClaims> VerifyWebIdentity(string webIdentityToken, OidcProvider provider, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var host = OidcProviderInfo.Strip(provider.Url);
        var info = new OidcProviderInfo(
            provider.Url,
            provider.ClientIds,
            TrustedThroughRootCas.Contains(host) ? [] : provider.Thumbprints,
            (_jwksByIssuer.TryGetValue(host, out var jwks) ? jwks : """{"keys":[]}"""));
        var result = WebIdentityTokenVerifier.Verify(webIdentityToken, info, now);
        if (!result.IsSuccess)
        {
            return ToIamError(result.Error);
        }
        var claims = result.Claims;
        return new FederatedClaims(claims.Subject, claims.Issuer, claims.Audience, Arrays(claims.ConditionKeys))
        {
            Tags = claims.PrincipalTags.Select(t => new Tag(t.Key, t.Value)).ToList(),
            TransitiveTagKeys = claims.TransitiveTagKeys,
            SourceIdentity = claims.SourceIdentity,
        };
    }

    private static IamError ToIamError(FederationError error) => new(error.Code, error.Message, error.HttpStatus);

    private static Dictionary<string, string[]> Arrays(IReadOnlyDictionary<string, string> keys) =>
        keys.ToDictionary(k => k.Key, k => new[] { k.Value }, StringComparer.OrdinalIgnoreCase);
}
