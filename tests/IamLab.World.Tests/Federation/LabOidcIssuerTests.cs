using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IamLab.World.Federation;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IamLab.World.Tests.Federation;

public sealed class LabOidcIssuerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LabOidcIssuer _issuer;

    public LabOidcIssuerTests() => _issuer = new LabOidcIssuer(_time, signingKey: TestKeys.First);

    public void Dispose() => _issuer.Dispose();

    [Fact]
    public void Token_is_RS256_with_the_issuers_kid_and_GitHubs_claims()
    {
        var token = new JsonWebToken(_issuer.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")));

        Assert.Equal("RS256", token.Alg);
        Assert.Equal(_issuer.KeyId, token.Kid);
        Assert.Equal("https://token.actions.githubusercontent.com", token.Issuer);
        Assert.Equal(["sts.amazonaws.com"], token.Audiences);
        Assert.Equal("repo:myorg/myrepo:ref:refs/heads/main", token.Subject);
        Assert.Equal("myorg/myrepo", token.GetPayloadValue<string>("repository"));
        Assert.Equal("myorg", token.GetPayloadValue<string>("repository_owner"));
        Assert.Equal("refs/heads/main", token.GetPayloadValue<string>("ref"));
        Assert.Equal("octocat", token.GetPayloadValue<string>("actor"));
        Assert.Equal("myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main", token.GetPayloadValue<string>("job_workflow_ref"));
        Assert.False(string.IsNullOrEmpty(token.Id));
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(now, token.GetPayloadValue<long>("iat"));
        Assert.Equal(now, token.GetPayloadValue<long>("nbf"));
        Assert.Equal(now + 300, token.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public void Subject_follows_GitHubs_shapes()
    {
        Assert.Equal("repo:myorg/myrepo:environment:prod", GitHubWorkflowClaims.ForEnvironment("myorg/myrepo", "prod").Subject);
        Assert.Equal("repo:myorg/myrepo:pull_request", GitHubWorkflowClaims.ForPullRequest("myorg/myrepo", 7).Subject);
        Assert.Equal("repo:myorg/myrepo:ref:refs/heads/dev", GitHubWorkflowClaims.ForBranch("myorg/myrepo", "dev").Subject);

        var token = new JsonWebToken(_issuer.MintToken(GitHubWorkflowClaims.ForEnvironment("myorg/myrepo", "prod")));
        Assert.Equal("prod", token.GetPayloadValue<string>("environment"));
    }

    [Fact]
    public void Audience_can_be_chosen()
    {
        var token = new JsonWebToken(_issuer.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), new OidcTokenOptions { Audience = "https://github.com/myorg" }));

        Assert.Equal(["https://github.com/myorg"], token.Audiences);
    }

    [Fact]
    public void Jwks_publishes_the_signing_key_and_certificate()
    {
        using var jwks = JsonDocument.Parse(_issuer.GetJwksJson());
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray());

        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal(_issuer.KeyId, key.GetProperty("kid").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.Equal(Convert.ToBase64String(_issuer.Certificate.RawData), key.GetProperty("x5c")[0].GetString());
        using var rsa = _issuer.Certificate.GetRSAPublicKey()!;
        Assert.Equal(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus), key.GetProperty("n").GetString());
    }

    [Fact]
    public void Thumbprint_is_the_lowercase_sha1_of_the_certificate()
    {
#pragma warning disable CA5350 // IAM thumbprints are SHA-1.
        var expected = Convert.ToHexString(SHA1.HashData(_issuer.Certificate.RawData)).ToLowerInvariant();
#pragma warning restore CA5350

        Assert.Equal(expected, _issuer.Thumbprint);
        Assert.Matches("^[0-9a-f]{40}$", _issuer.Thumbprint);
    }

    [Fact]
    public void Key_id_is_derived_from_the_key()
    {
        using var other = new LabOidcIssuer(_time, signingKey: TestKeys.Second);
        using var same = new LabOidcIssuer(_time, signingKey: TestKeys.First);

        Assert.NotEqual(_issuer.KeyId, other.KeyId);
        Assert.Equal(_issuer.KeyId, same.KeyId);
    }
}
