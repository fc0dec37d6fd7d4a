using IamLab.World.Federation;
using Microsoft.Extensions.Time.Testing;

namespace IamLab.World.Tests.Federation;

/// <summary>Real tokens through the lab's STS: the federation module plugged into <see cref="LabWorld"/>.</summary>
public sealed class LabFederationVerifierTests : IDisposable
{
    private const string Account = "111111111111";
    private const string SamlTrust = Article.SamlTrust;
    private const string GitHubTrust = Article.GitHubTrust;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LabSamlIdentityProvider _idp;
    private readonly LabOidcIssuer _github;
    private readonly LabFederationVerifier _verifier = new();
    private readonly LabWorld _world;

    public LabFederationVerifierTests()
    {
        _idp = new LabSamlIdentityProvider(SamlTestSetup.EntityId, _time, TestKeys.First);
        _github = new LabOidcIssuer(_time, signingKey: TestKeys.Second);
        _verifier.RegisterIssuer(_github);
        _world = new LabWorld(_time, seed: 7) { FederationVerifier = _verifier };
        _ = _world.CreateAccount(Account).Value;
        var iam = _world.Iam(Account);
        _ = iam.CreateSamlProvider("MyCompanySSO", _idp.GetMetadataXml()).Value;
        _ = iam.CreateRole("FederatedDeveloperAccess", SamlTrust).Value;
        // GitHub's real thumbprint, as learners copy it from the docs: AWS ignores it for GitHub, and so does the lab.
        _ = iam.CreateOpenIdConnectProvider(LabOidcIssuer.GitHubActionsIssuer, ["sts.amazonaws.com"], ["6938fd4d98bab03faadb97b34396831e3780aea1"]).Value;
        _ = iam.CreateRole("GitHubActionsRole", GitHubTrust).Value;
    }

    public void Dispose()
    {
        _idp.Dispose();
        _github.Dispose();
    }

    [Fact]
    public void Signed_SAML_response_assumes_the_role_with_its_session_name()
    {
        // Without Alice's session tag: SamlTrust does not allow sts:TagSession (FederatedSessionTagsTests).
        var user = SamlTestSetup.Alice with { SessionDurationSeconds = 1800, PrincipalTags = new Dictionary<string, string>() };

        var result = _world.Sts.AssumeRoleWithSaml(SamlTestSetup.RoleArn, SamlTestSetup.ProviderArn, _idp.IssueResponse(user));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1800, result.Value.Claims!.SessionDuration);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/FederatedDeveloperAccess/alice", result.Value.AssumedRoleUser.Arn);
        Assert.Equal("persistent", result.Value.Claims.SubjectType);
        Assert.Equal(["https://signin.aws.amazon.com/saml"], result.Value.Claims.ConditionKeys["SAML:aud"]);
    }

    [Fact]
    public void SAML_refusal_reaches_the_caller_with_AWSs_code_and_status()
    {
        using var impostor = new LabSamlIdentityProvider(SamlTestSetup.EntityId, _time, TestKeys.Second);

        var error = _world.Sts.AssumeRoleWithSaml(SamlTestSetup.RoleArn, SamlTestSetup.ProviderArn, impostor.IssueResponse(SamlTestSetup.Alice)).Error;

        Assert.NotNull(error);
        Assert.Equal("InvalidIdentityToken", error.Code);
        Assert.Equal("Response signature invalid", error.Message);
        Assert.Equal(400, error.HttpStatus);
    }

    [Fact]
    public void GitHub_token_for_myorg_myrepo_assumes_the_role()
    {
        var jwt = _github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo"));

        var result = _world.Sts.AssumeRoleWithWebIdentity("arn:aws:iam::111111111111:role/GitHubActionsRole", "gha-run-1", jwt,
            "token.actions.githubusercontent.com");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("repo:myorg/myrepo:ref:refs/heads/main", result.Value.Claims!.Subject);
    }

    [Fact]
    public void GitHub_token_for_a_fork_is_denied_by_the_trust_policy()
    {
        var jwt = _github.MintToken(GitHubWorkflowClaims.ForBranch("evil/fork"));

        var error = _world.Sts.AssumeRoleWithWebIdentity("arn:aws:iam::111111111111:role/GitHubActionsRole", "gha-run-1", jwt,
            "token.actions.githubusercontent.com").Error;

        Assert.Equal("AccessDenied", error?.Code);
    }

    [Fact]
    public void Token_from_an_issuer_whose_keys_were_never_published_is_refused()
    {
        var verifier = new LabFederationVerifier();
        var provider = new IamLab.World.Iam.OidcProvider("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
            "token.actions.githubusercontent.com", ["sts.amazonaws.com"], [], _time.GetUtcNow());

        var result = verifier.VerifyWebIdentity(_github.MintToken(GitHubWorkflowClaims.ForBranch("myorg/myrepo")), provider, _time.GetUtcNow());

        Assert.Equal("InvalidIdentityToken", result.Error?.Code);
        Assert.StartsWith("Couldn't retrieve verification key", result.Error?.Message, StringComparison.Ordinal);
    }
}
