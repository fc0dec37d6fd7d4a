using IamLab.World.Errors;
using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

public class FederatedAssumeRoleTests
{
    private const string GitHubTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},
          "Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                       "StringLike":{"token.actions.githubusercontent.com:sub":"repo:myorg/myrepo:*"}}}]}
        """;

    /// <summary>Stands in for the federation module: the "token" is the subject, already verified.</summary>
    private sealed class SubjectIsToken : IFederationVerifier
    {
        public IamResult<FederatedClaims> VerifySaml(string samlAssertion, SamlProvider provider, string roleArn, DateTimeOffset now) =>
            new IamError("InvalidIdentityToken", "not used", 400);

        public IamResult<FederatedClaims> VerifyWebIdentity(string webIdentityToken, OidcProvider provider, DateTimeOffset now) =>
            new FederatedClaims(webIdentityToken, "https://token.actions.githubusercontent.com", "sts.amazonaws.com", new Dictionary<string, string[]>
            {
                ["token.actions.githubusercontent.com:sub"] = [webIdentityToken],
                ["token.actions.githubusercontent.com:aud"] = ["sts.amazonaws.com"],
            });
    }

    private static Article GitHubLab()
    {
        var lab = new Article();
        lab.World.FederationVerifier = new SubjectIsToken();
        _ = lab.Dev1.CreateOpenIdConnectProvider("https://token.actions.githubusercontent.com", ["sts.amazonaws.com"]).Value;
        _ = lab.Dev1.CreateRole("GitHubActionsRole", GitHubTrust).Value;
        return lab;
    }

    [Fact]
    public void WebIdentity_SubjectInTheRepo_Allowed()
    {
        var lab = GitHubLab();

        var result = lab.World.Sts.AssumeRoleWithWebIdentity("arn:aws:iam::111111111111:role/GitHubActionsRole", "gha-run-1",
            "repo:myorg/myrepo:ref:refs/heads/main", "token.actions.githubusercontent.com").Value;

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/GitHubActionsRole/gha-run-1", result.AssumedRoleUser.Arn);
        Assert.Equal("repo:myorg/myrepo:ref:refs/heads/main", result.Claims!.Subject);
    }

    [Fact]
    public void WebIdentity_OtherRepo_AccessDenied()
    {
        var lab = GitHubLab();

        var error = lab.World.Sts.AssumeRoleWithWebIdentity("arn:aws:iam::111111111111:role/GitHubActionsRole", "gha-run-1",
            "repo:evil/fork:ref:refs/heads/main", "token.actions.githubusercontent.com").Error!;

        Assert.Equal("AccessDenied", error.Code);
        Assert.Equal("Not authorized to perform sts:AssumeRoleWithWebIdentity", error.Message);
    }
}
