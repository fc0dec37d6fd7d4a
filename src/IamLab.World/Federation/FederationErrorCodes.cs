namespace IamLab.World.Federation;

/// <summary>
/// The error codes AWS STS returns when a federation token (SAML response or web identity token) is refused.
/// </summary>
public static class FederationErrorCodes
{
    /// <summary>The token could not be validated: bad signature, wrong audience, wrong issuer, malformed token.</summary>
    public const string InvalidIdentityToken = "InvalidIdentityToken";

    /// <summary>The token was valid once but its validity window has passed.</summary>
    public const string ExpiredToken = "ExpiredTokenException";

    /// <summary>The identity provider rejected a claim (kept for callers that map IdP refusals).</summary>
    public const string IdpRejectedClaim = "IDPRejectedClaim";

    /// <summary>The caller is not authorized, e.g. a SAML response without a Subject NameID.</summary>
    public const string AccessDenied = "AccessDenied";
}
