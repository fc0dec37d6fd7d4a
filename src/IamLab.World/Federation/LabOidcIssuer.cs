using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IamLab.World.Federation;

/// <summary>
/// An OIDC issuer for the lab shaped like GitHub Actions: it holds an RSA key (with a key id) and a self-signed
/// certificate, mints RS256 JWTs with GitHub's claims, publishes a JWKS document, and reports the thumbprint IAM
/// would record for the provider.
/// </summary>
public sealed class LabOidcIssuer : IDisposable
{
    /// <summary>GitHub Actions' issuer URL.</summary>
    public const string GitHubActionsIssuer = "https://token.actions.githubusercontent.com";

    private readonly RSA _key;
    private readonly RsaSecurityKey _securityKey;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Creates an issuer with an RSA key and a self-signed certificate for it.</summary>
    /// <param name="timeProvider">The clock for <c>iat</c>, <c>nbf</c> and <c>exp</c>; the system clock when null.</param>
    /// <param name="issuer">The <c>iss</c> claim; GitHub Actions' issuer by default.</param>
    /// <param name="signingKey">
    /// The key pair to sign with (copied; the caller keeps ownership of its instance); a fresh 2048-bit key when null.
    /// </param>
    public LabOidcIssuer(TimeProvider? timeProvider = null, string issuer = GitHubActionsIssuer, RSA? signingKey = null)
        : this(timeProvider, issuer, LabKeys.CopyOrCreate(signingKey), certificateDer: null)
    {
    }

    /// <summary>An issuer over a key it owns and, when given, the certificate it published before (a reloaded world).</summary>
    internal LabOidcIssuer(TimeProvider? timeProvider, string issuer, RSA ownedKey, byte[]? certificateDer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        Issuer = issuer;
        _time = timeProvider ?? TimeProvider.System;
        _key = ownedKey;
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        KeyId = JwkThumbprint(parameters);
        // The default factory caches signers by public key across instances; an issuer disposed earlier with the
        // same key would leave a signer holding a disposed RSA behind, so this issuer keeps its own, uncached.
        _securityKey = new RsaSecurityKey(_key)
        {
            KeyId = KeyId,
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        if (certificateDer is not null)
        {
            using var published = X509CertificateLoader.LoadCertificate(certificateDer);
            Certificate = published.CopyWithPrivateKey(_key);
            return;
        }

        var host = OidcProviderInfo.Strip(issuer).Split('/')[0];
        var request = new CertificateRequest($"CN={host}", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = _time.GetUtcNow();
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    /// <summary>The <c>iss</c> claim of every token.</summary>
    public string Issuer { get; }

    /// <summary>The key id (<c>kid</c>): the RFC 7638 thumbprint of the public key.</summary>
    public string KeyId { get; }

    /// <summary>The self-signed certificate standing in for the issuer's TLS certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// The thumbprint IAM computes for the provider: SHA-1 of the top certificate, as 40 lowercase hex digits (for
    /// the lab, of the self-signed certificate).
    /// </summary>
    public string Thumbprint => Convert.ToHexStringLower(AwsSha1.Hash(Certificate.RawData));

    /// <summary>Mints a signed RS256 token for a GitHub Actions workflow run.</summary>
    /// <param name="workflow">The run the token describes.</param>
    /// <param name="options">Audience and lifetime; AWS's defaults when null.</param>
    /// <returns>The compact JWT.</returns>
    public string MintToken(GitHubWorkflowClaims workflow, OidcTokenOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        options ??= new OidcTokenOptions();
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = workflow.Subject,
            ["jti"] = Guid.NewGuid().ToString(),
            ["repository"] = workflow.Repository,
            ["repository_id"] = workflow.RepositoryId,
            ["repository_owner"] = workflow.RepositoryOwner,
            ["repository_owner_id"] = workflow.RepositoryOwnerId,
            ["ref"] = workflow.Ref,
            ["ref_type"] = workflow.RefType,
            ["event_name"] = workflow.EventName,
            ["actor"] = workflow.Actor,
            ["actor_id"] = workflow.ActorId,
            ["workflow"] = workflow.Workflow,
            ["workflow_ref"] = workflow.JobWorkflowRef,
            ["job_workflow_ref"] = workflow.JobWorkflowRef,
            ["runner_environment"] = "github-hosted",
        };
        if (workflow.Environment is not null)
        {
            claims["environment"] = workflow.Environment;
        }
        AddAwsClaims(claims, options);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_securityKey, SecurityAlgorithms.RsaSha256),
        };
        return _handler.CreateToken(descriptor);
    }

    // The claims in AWS's namespace (IAM User Guide, "Pass session tags in AWS STS", "Passing session tags using
    // AssumeRoleWithWebIdentity"; "Monitor and control actions taken with assumed roles", source identity).
    private static void AddAwsClaims(Dictionary<string, object> claims, OidcTokenOptions options)
    {
        if (options.SessionTags.Count > 0 || options.TransitiveTagKeys.Count > 0)
        {
            var tags = new Dictionary<string, object>
            {
                [WebIdentityTokenVerifier.PrincipalTagsMember] = options.SessionTags.ToDictionary(t => t.Key, t => (object)new List<object> { t.Value }),
            };
            if (options.TransitiveTagKeys.Count > 0)
            {
                tags[WebIdentityTokenVerifier.TransitiveTagKeysMember] = options.TransitiveTagKeys.Cast<object>().ToList();
            }
            claims[WebIdentityTokenVerifier.TagsClaim] = tags;
        }
        if (options.SourceIdentity is not null)
        {
            claims[WebIdentityTokenVerifier.SourceIdentityClaim] = options.SourceIdentity;
        }
    }

    /// <summary>The JSON Web Key Set: one RSA signing key with <c>kid</c>, <c>n</c>, <c>e</c>, <c>x5c</c> and <c>x5t</c>.</summary>
    /// <returns>The JWKS JSON.</returns>
    public string GetJwksJson()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            writer.WriteStartObject();
            writer.WriteString("kty", "RSA");
            writer.WriteString("alg", "RS256");
            writer.WriteString("use", "sig");
            writer.WriteString("kid", KeyId);
            writer.WriteString("n", Base64UrlEncoder.Encode(parameters.Modulus));
            writer.WriteString("e", Base64UrlEncoder.Encode(parameters.Exponent));
            writer.WriteStartArray("x5c");
            writer.WriteStringValue(Convert.ToBase64String(Certificate.RawData));
            writer.WriteEndArray();
            writer.WriteString("x5t", Base64UrlEncoder.Encode(AwsSha1.Hash(Certificate.RawData)));
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>What IAM would hold after <c>CreateOpenIDConnectProvider</c> for this issuer, with its keys.</summary>
    /// <param name="clientIds">The audiences to accept; <c>sts.amazonaws.com</c> when none are given.</param>
    /// <returns>The provider.</returns>
    public OidcProviderInfo ToProviderInfo(params string[] clientIds) =>
        new(Issuer, clientIds is { Length: > 0 } ? clientIds : [OidcTokenOptions.StsAudience], [Thumbprint], GetJwksJson());

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private static string JwkThumbprint(RSAParameters parameters)
    {
        var canonical = $"{{\"e\":\"{Base64UrlEncoder.Encode(parameters.Exponent)}\",\"kty\":\"RSA\",\"n\":\"{Base64UrlEncoder.Encode(parameters.Modulus)}\"}}";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
