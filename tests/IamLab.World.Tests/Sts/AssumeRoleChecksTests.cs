using IamLab.Policy.Evaluation;
using IamLab.World.Federation;
using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

/// <summary>STS hands back the access checks it made, allowed or refused, so nobody asks the engine again to explain them.</summary>
public class AssumeRoleChecksTests
{
    private const string TagTrust = """
        {"Version":"2012-10-17","Statement":[{"Sid":"TaggedChains","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},
          "Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"ForAnyValue:StringEquals":{"sts:TransitiveTagKeys":"project"}}}]}
        """;

    [Fact]
    public void Allowed_ResultCarriesEveryCheckMade_FirstTheRolesAction()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("Tagged", TagTrust).Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"*"}]}""").Value;

        var result = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/Tagged", "s1")
        {
            Tags = [new Tag("project", "blue")],
            TransitiveTagKeys = ["project"],
        }).Value;

        Assert.Equal(["sts:AssumeRole", "sts:TagSession"], result.Checks.Select(c => c.Action));
        Assert.All(result.Checks, c => Assert.True(c.IsAllowed));
        Assert.Same(result.Checks[0], result.Check);
        Assert.True(result.Check!.IsRoleTrust);
        Assert.Equal(["project"], result.Check.Context.Lookup("sts:TransitiveTagKeys"));
        Assert.False(result.Check.IsTraced);
        Assert.Empty(result.Check.Collector.Trace);
    }

    [Fact]
    public void Refused_ErrorCarriesTheCheckThatRefused_WithItsTraceWhenAsked()
    {
        var lab = new Article().WithCrossAccountRole();

        var error = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { ExternalId = "wrong" }, trace: true).Error!;

        Assert.Equal("AccessDenied", error.Code);
        var check = error.Check!;
        Assert.Equal(Decision.ImplicitDeny, check.Result.Decision);
        Assert.Equal(check.DenialMessage, error.Message);
        Assert.True(check.IsTraced);
        var condition = check.Explanation.Failures.SelectMany(f => f.Reasons).Single(r => r.Step == TraceStep.Condition);
        Assert.Equal("sts:ExternalId", condition.Key);
        Assert.Equal(["wrong"], condition.RequestValues);
    }

    [Fact]
    public void RefusedByAnScp_TheCheckIsTheOrganizations()
    {
        var lab = new Article().WithCrossAccountRole();
        var org = lab.World.Organizations.CreateOrganization(Article.Prod).Value;
        var ou = lab.World.Organizations.CreateOrganizationalUnit("Dev", org.RootId).Value;
        _ = lab.World.Organizations.MoveAccount(Article.Dev, ou.Id).Value;
        _ = lab.World.Organizations.AttachServiceControlPolicy(ou.Id, """{"Version":"2012-10-17","Statement":[{"Sid":"NoRoles","Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""").Value;

        var error = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Error!;

        var deciding = Assert.Single(error.Check!.Explanation.Deciding);
        Assert.Equal(PolicyKind.ServiceControl, deciding.Policy.Kind);
        Assert.Equal("NoRoles", deciding.Sid);
        Assert.EndsWith("with an explicit deny in a service control policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTrace_DecidesTheSameRequestOverTheSamePolicies()
    {
        var lab = new Article().WithCrossAccountRole();
        var check = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value.Check!;

        var traced = check.WithTrace();

        Assert.Same(check.Request, traced.Request);
        Assert.Same(check.Policies, traced.Policies);
        Assert.Equal(check.Result, traced.Result);
        Assert.Contains(traced.Explanation.Granting, s => s.Reference.Policy.Kind == PolicyKind.Resource);
        Assert.Same(traced, traced.WithTrace());
    }

    [Fact]
    public void FederatedRefusal_CarriesTheTrustCheck_ButKeepsAwsTerseMessage()
    {
        var lab = new Article();
        var provider = lab.World.Federation.CreateGitHubProvider(Article.Dev).Value;
        _ = lab.Dev1.CreateRole("Ci", Article.GitHubTrust).Value;

        var error = lab.World.Federation.AssumeRoleFromGitHub(GitHubWorkflowClaims.ForBranch("someone/else"), "arn:aws:iam::111111111111:role/Ci", "run-1").Error!;

        Assert.Equal("Not authorized to perform sts:AssumeRoleWithWebIdentity", error.Message);
        Assert.Equal(provider.Arn, error.Check!.CallerArn);
        Assert.Equal(Decision.ImplicitDeny, error.Check.Result.Decision);
    }
}
