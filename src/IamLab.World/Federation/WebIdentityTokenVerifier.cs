using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IamLab.World.Federation;

/// <summary>
/// Verifies an OIDC token the way <c>AssumeRoleWithWebIdentity</c> does: the issuer must be a registered provider,
/// the RS256 signature must verify with the issuer's key (looked up by <c>kid</c>), the token must not be expired,
/// and its audience must be one of the provider's client ids. Bad input never throws: it yields a failed result.
/// </summary>
/// <remarks>
/// Messages quoted from AWS: "No OpenIDConnect provider found in your account for ISSUER", "Couldn't retrieve
/// verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for
/// requirements", "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint", "Token expired:
/// current date/time NOW must be before the expiration date/time EXP" (Unix seconds), "Incorrect token audience",
/// "Missing a required claim: aud". The wording for a bad signature under a known key, an unsupported algorithm, a
/// malformed token and a token used before <c>nbf</c> is the lab's. <c>exp</c> is enforced to the second;
/// <c>nbf</c> and <c>iat</c> may lie up to <see cref="ClockSkew"/> in the future.
/// </remarks>
public static class WebIdentityTokenVerifier
{
    /// <summary>How far in the future <c>nbf</c> and <c>iat</c> may be (issuer clocks drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest token accepted, in characters (STS's WebIdentityToken limit).</summary>
    public const int MaxTokenLength = 20_000;

    /// <summary>
    /// The GitHub Actions claims AWS supports as condition keys (besides <c>sub</c> and <c>aud</c>), as
    /// <c>token.actions.githubusercontent.com:CLAIM</c>.
    /// </summary>
    public static IReadOnlyList<string> GitHubConditionClaims { get; } =
        ["actor", "actor_id", "job_workflow_ref", "repository", "repository_id", "workflow", "ref", "environment", "enterprise_id"];

    /// <summary>AWS's claim for session tags: an object with <c>principal_tags</c> and <c>transitive_tag_keys</c>.</summary>
    public const string TagsClaim = "https://aws.amazon.com/tags";

    /// <summary>The member of <see cref="TagsClaim"/> that holds the tags, each value a one-element list.</summary>
    public const string PrincipalTagsMember = "principal_tags";

    /// <summary>The member of <see cref="TagsClaim"/> that lists the transitive keys.</summary>
    public const string TransitiveTagKeysMember = "transitive_tag_keys";

    /// <summary>AWS's claim for the source identity.</summary>
    public const string SourceIdentityClaim = "https://aws.amazon.com/source_identity";

    private const string GitHubHost = "token.actions.githubusercontent.com";

    private const string NoVerificationKey =
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

    /// <summary>Verifies <paramref name="jwt"/> against <paramref name="provider"/>.</summary>
    /// <param name="jwt">The WebIdentityToken parameter.</param>
    /// <param name="provider">The account's provider for the token's issuer, or null when the account has none.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The claims, or AWS's error.</returns>
    public static WebIdentityVerificationResult Verify(string jwt, OidcProviderInfo? provider, DateTimeOffset now)
    {
        JsonWebToken token;
        try
        {
            if (string.IsNullOrEmpty(jwt) || jwt.Length > MaxTokenLength)
            {
                return Fail(FederationError.Invalid("The web identity token is not a well-formed JWT"));
            }
            token = new JsonWebToken(jwt);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or FormatException)
        {
            return Fail(FederationError.Invalid("The web identity token is not a well-formed JWT"));
        }

        var issuer = token.Issuer ?? "";
        if (provider is null || OidcProviderInfo.Strip(issuer) != provider.HostAndPath || !issuer.StartsWith("https://", StringComparison.Ordinal))
        {
            return Fail(FederationError.Invalid($"No OpenIDConnect provider found in your account for {issuer}"));
        }
        if (token.Alg != SecurityAlgorithms.RsaSha256)
        {
            return Fail(FederationError.Invalid($"The token is signed with {token.Alg}; the lab accepts RS256 only"));
        }

        var key = FindKey(provider.JwksJson, token.Kid);
        if (key is null)
        {
            return Fail(FederationError.Invalid(NoVerificationKey));
        }
        if (provider.Thumbprints.Count > 0 && !MatchesThumbprint(key, provider.Thumbprints))
        {
            return Fail(FederationError.Invalid("OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint"));
        }
        if (!SignatureVerifies(token, key))
        {
            return Fail(FederationError.Invalid("Couldn't verify the token signature with the identity provider's key"));
        }

        if (!token.TryGetPayloadValue<long>("exp", out var exp))
        {
            return Fail(FederationError.Invalid("Missing a required claim: exp"));
        }
        var nowSeconds = now.ToUnixTimeSeconds();
        if (nowSeconds >= exp)
        {
            return Fail(FederationError.Expired(string.Create(CultureInfo.InvariantCulture,
                $"Token expired: current date/time {nowSeconds} must be before the expiration date/time {exp}")));
        }
        var latestStart = (now + ClockSkew).ToUnixTimeSeconds();
        foreach (var name in (ReadOnlySpan<string>)["nbf", "iat"])
        {
            if (token.TryGetPayloadValue<long>(name, out var start) && start > latestStart)
            {
                return Fail(FederationError.Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"Token is not valid yet: {name} {start} is after the current date/time {nowSeconds}")));
            }
        }

        var audiences = token.Audiences.ToList();
        if (audiences.Count == 0)
        {
            return Fail(FederationError.Invalid("Missing a required claim: aud"));
        }
        var audience = audiences.FirstOrDefault(a => provider.ClientIds.Contains(a, StringComparer.Ordinal));
        if (audience is null)
        {
            return Fail(FederationError.Invalid("Incorrect token audience"));
        }
        if (string.IsNullOrEmpty(token.Subject))
        {
            return Fail(FederationError.Invalid("Missing a required claim: sub"));
        }

        var (session, invalid) = WebIdentitySessionClaims.Read(token.EncodedPayload);
        if (invalid is not null)
        {
            return Fail(invalid);
        }

        return WebIdentityVerificationResult.Success(BuildClaims(token, provider.HostAndPath, audience, exp, session!));
    }

    private static WebIdentityClaims BuildClaims(JsonWebToken token, string prefix, string audience, long exp, WebIdentitySessionClaims session)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in token.Claims)
        {
            all.TryAdd(claim.Type, claim.Value);
        }
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{prefix}:sub"] = token.Subject,
            [$"{prefix}:aud"] = audience,
        };
        if (prefix == GitHubHost)
        {
            foreach (var name in GitHubConditionClaims)
            {
                if (all.TryGetValue(name, out var value))
                {
                    keys[$"{prefix}:{name}"] = value;
                }
            }
        }
        return new WebIdentityClaims
        {
            Issuer = token.Issuer,
            ProviderKeyPrefix = prefix,
            Subject = token.Subject,
            Audience = audience,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(exp),
            TokenClaims = all,
            ConditionKeys = keys,
            PrincipalTags = session.Tags,
            TransitiveTagKeys = session.TransitiveTagKeys,
            SourceIdentity = session.SourceIdentity,
        };
    }

    private static JsonWebKey? FindKey(string jwksJson, string? kid)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(jwksJson);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
        var rsaKeys = set.Keys.Where(k => k.Kty == JsonWebAlgorithmsKeyTypes.RSA && !string.IsNullOrEmpty(k.N) && !string.IsNullOrEmpty(k.E)).ToList();
        return string.IsNullOrEmpty(kid)
            ? (rsaKeys.Count == 1 ? rsaKeys[0] : null)
            : rsaKeys.FirstOrDefault(k => k.Kid == kid);
    }

    private static bool MatchesThumbprint(JsonWebKey key, IReadOnlyList<string> thumbprints)
    {
        if (key.X5c.Count == 0)
        {
            return false;
        }
        try
        {
            var thumbprint = Convert.ToHexString(AwsSha1.Hash(Convert.FromBase64String(key.X5c[0])));
            return thumbprints.Any(t => string.Equals(t.Replace(":", "", StringComparison.Ordinal), thumbprint, StringComparison.OrdinalIgnoreCase));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool SignatureVerifies(JsonWebToken token, JsonWebKey key)
    {
        try
        {
            using var rsa = RSA.Create(new RSAParameters
            {
                Modulus = Base64UrlEncoder.DecodeBytes(key.N),
                Exponent = Base64UrlEncoder.DecodeBytes(key.E),
            });
            var signed = Encoding.ASCII.GetBytes(token.EncodedHeader + "." + token.EncodedPayload);
            var signature = Base64UrlEncoder.DecodeBytes(token.EncodedSignature);
            return rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static WebIdentityVerificationResult Fail(FederationError error) => WebIdentityVerificationResult.Failure(error);
}
