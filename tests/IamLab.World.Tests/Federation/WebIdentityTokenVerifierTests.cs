using IamLab.World.Federation;
using Microsoft.Extensions.Time.Testing;

namespace IamLab.World.Tests.Federation;

public sealed class WebIdentityTokenVerifierTests : IDisposable
{
    private const string Prefix = "token.actions.githubusercontent.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LabOidcIssuer _github;
    private readonly OidcProviderInfo _provider;

    public WebIdentityTokenVerifierTests()
    {
        _github = new LabOidcIssuer(_time, signingKey: TestKeys.First);
        _provider = _github.ToProviderInfo("sts.amazonaws.com");
    }

    public void Dispose() => _github.Dispose();

    private WebIdentityVerificationResult Verify(string jwt, OidcProviderInfo? provider) =>
        WebIdentityTokenVerifier.Verify(jwt, provider, _time.GetUtcNow());

    [Fact]
    public void Token_for_myorg_myrepo_verifies_and_gives_sub_and_aud()
    {
        var result = Verify(_github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), _provider);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("repo:myorg/myrepo:ref:refs/heads/main", result.Claims.ConditionKeys[$"{Prefix}:sub"]);
        Assert.Equal("sts.amazonaws.com", result.Claims.ConditionKeys[$"{Prefix}:aud"]);
        Assert.Equal(Prefix, result.Claims.ProviderKeyPrefix);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), result.Claims.ExpiresAt);
    }

    [Fact]
    public void GitHub_specific_claims_become_the_condition_keys_AWS_documents()
    {
        var result = Verify(_github.MintToken(GitHubWorkflowClaims.ForEnvironment("myorg/myrepo", "prod")), _provider);

        Assert.True(result.IsSuccess, result.ToString());
        var keys = result.Claims.ConditionKeys;
        Assert.Equal("repo:myorg/myrepo:environment:prod", keys[$"{Prefix}:sub"]);
        Assert.Equal("myorg/myrepo", keys[$"{Prefix}:repository"]);
        Assert.Equal("refs/heads/main", keys[$"{Prefix}:ref"]);
        Assert.Equal("prod", keys[$"{Prefix}:environment"]);
        Assert.Equal("octocat", keys[$"{Prefix}:actor"]);
        Assert.Equal("myorg/myrepo/.github/workflows/deploy.yml@refs/heads/main", keys[$"{Prefix}:job_workflow_ref"]);
        Assert.Equal("123456789", keys[$"{Prefix}:repository_id"]);
        Assert.False(keys.ContainsKey($"{Prefix}:repository_owner"), "AWS does not list repository_owner as a condition key");
        Assert.Equal("myorg", result.Claims.TokenClaims["repository_owner"]);
    }

    [Fact]
    public void AWS_tags_and_source_identity_claims_are_read()
    {
        // The IAM User Guide's decoded token: "https://aws.amazon.com/tags": {"principal_tags": {"Project": ["Automation"], ...},
        // "transitive_tag_keys": ["Project", "CostCenter"]} ("Passing session tags using AssumeRoleWithWebIdentity"), and
        // "https://aws.amazon.com/source_identity" ("Monitor and control actions taken with assumed roles").
        var options = new OidcTokenOptions
        {
            SessionTags = new Dictionary<string, string> { ["Project"] = "Automation", ["CostCenter"] = "987654", ["Department"] = "Engineering" },
            TransitiveTagKeys = ["Project", "CostCenter"],
            SourceIdentity = "johndoe",
        };

        var jwt = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), options);
        var result = Verify(jwt, _provider);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["Automation"], new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(jwt)
            .GetPayloadValue<System.Text.Json.JsonElement>("https://aws.amazon.com/tags").GetProperty("principal_tags").GetProperty("Project")
            .EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(options.SessionTags, result.Claims.PrincipalTags);
        Assert.Equal(["Project", "CostCenter"], result.Claims.TransitiveTagKeys);
        Assert.Equal("johndoe", result.Claims.SourceIdentity);
    }

    [Fact]
    public void Token_without_AWS_claims_has_no_tags_and_no_source_identity()
    {
        var result = Verify(_github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), _provider);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Empty(result.Claims.PrincipalTags);
        Assert.Empty(result.Claims.TransitiveTagKeys);
        Assert.Null(result.Claims.SourceIdentity);
    }

    [Fact]
    public void Provider_url_without_scheme_is_accepted()
    {
        var provider = _provider with { Url = "token.actions.githubusercontent.com" };

        Assert.True(Verify(_github.MintToken(GitHubWorkflowClaims.ForPullRequest("myorg/myrepo")), provider).IsSuccess);
    }

    [Fact]
    public void Token_signed_with_another_key_is_refused()
    {
        using var impostor = new LabOidcIssuer(_time, signingKey: TestKeys.Second);

        var result = Verify(impostor.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), _provider);

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidIdentityToken", result.Error.Code);
        Assert.Equal("Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements", result.Error.Message);
    }

    [Fact]
    public void Token_with_a_changed_payload_is_refused()
    {
        var parts = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")).Split('.');
        var forged = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/otherrepo")).Split('.');

        var result = Verify($"{parts[0]}.{forged[1]}.{parts[2]}", _provider);

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidIdentityToken", result.Error.Code);
        Assert.Contains("Couldn't verify the token signature", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_token_is_refused_with_both_times()
    {
        var jwt = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"));
        var exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = Verify(jwt, _provider);

        Assert.False(result.IsSuccess);
        Assert.Equal("ExpiredTokenException", result.Error.Code);
        Assert.Equal($"Token expired: current date/time {_time.GetUtcNow().ToUnixTimeSeconds()} must be before the expiration date/time {exp}", result.Error.Message);
    }

    [Fact]
    public void Token_is_still_valid_one_second_before_exp()
    {
        var jwt = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"));
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        Assert.True(Verify(jwt, _provider).IsSuccess);
    }

    [Fact]
    public void Token_for_another_audience_is_refused()
    {
        var jwt = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"), new OidcTokenOptions { Audience = "https://github.com/myorg" });

        var result = Verify(jwt, _provider);

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidIdentityToken", result.Error.Code);
        Assert.Equal("Incorrect token audience", result.Error.Message);
    }

    [Fact]
    public void Token_from_another_issuer_is_refused()
    {
        using var gitlab = new LabOidcIssuer(_time, "https://gitlab.example.com", TestKeys.First);

        var result = Verify(gitlab.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), _provider);

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidIdentityToken", result.Error.Code);
        Assert.Equal("No OpenIDConnect provider found in your account for https://gitlab.example.com", result.Error.Message);
    }

    [Fact]
    public void Token_without_a_provider_in_the_account_is_refused()
    {
        var result = Verify(_github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), provider: null);

        Assert.False(result.IsSuccess);
        Assert.Equal("No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com", result.Error.Message);
    }

    [Fact]
    public void Provider_with_a_stale_thumbprint_is_refused()
    {
        var provider = _provider with { Thumbprints = ["6938fd4d98bab03faadb97b34396831e3780aea1"] };

        var result = Verify(_github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), provider);

        Assert.False(result.IsSuccess);
        Assert.Equal("OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint", result.Error.Message);
    }

    [Fact]
    public void Malformed_and_unsigned_tokens_are_refused_without_throwing()
    {
        var parts = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")).Split('.');
        var noneHeader = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");

        foreach (var jwt in new[] { "", "not-a-jwt", $"{noneHeader}.{parts[1]}.", $"{parts[0]}.{parts[1]}" })
        {
            var result = Verify(jwt, _provider);
            Assert.False(result.IsSuccess, jwt);
            Assert.Equal("InvalidIdentityToken", result.Error.Code);
        }
    }
}
