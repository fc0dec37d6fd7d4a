using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.World.Sts;

/// <summary>
/// Checks a SAML response or a web identity token (signature, issuer, audience, time window) and returns
/// its claims. STS calls it and then applies the trust policy to the claims; failures are returned with
/// AWS's codes (InvalidIdentityToken, IDPRejectedClaim, ExpiredTokenException, ...).
/// </summary>
public interface IFederationVerifier
{
    /// <summary>Verifies a base64 SAML response against the provider's metadata, for <paramref name="roleArn"/>.</summary>
    IamResult<FederatedClaims> VerifySaml(string samlAssertion, SamlProvider provider, string roleArn, DateTimeOffset now);

    /// <summary>Verifies a JWT against the OIDC provider (issuer, audience among its client ids, expiry, signature).</summary>
    IamResult<FederatedClaims> VerifyWebIdentity(string webIdentityToken, OidcProvider provider, DateTimeOffset now);
}
