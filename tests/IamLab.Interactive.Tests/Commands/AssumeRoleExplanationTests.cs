using IamLab.Interactive.Formatting;
using IamLab.Interactive.Tests.Extension;
using IamLab.Interactive.Views;
using IamLab.World;
using IamLab.World.Sts;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Commands;

/// <summary>
/// <c>#!lab-assume-role</c> shows the decision of the check STS refused with, never one it rebuilt: the organization's
/// SCPs (the caller's account) and RCPs (the role's account) and the caller's tags are in it, exactly as the world's own
/// check for the same call explains them.
/// </summary>
[Collection(KernelTestGroup.Name)]
public sealed class AssumeRoleExplanationTests
{
    private const string Blue = "arn:aws:iam::111111111111:user/blue";
    private const string Green = "arn:aws:iam::111111111111:user/green";

    [Theory]
    [InlineData(Blue, "NoBlueCallers", "resource control policy")]
    [InlineData(Green, "NoGreenCallers", "service control policy")]
    public async Task Refusal_IsExplainedAsTheWorldsCheckForTheSameCall(string caller, string sid, string kind)
    {
        var world = Organized();
        using var kernel = new TestKernel(world);
        var cell = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {caller} --external-id {ExternalId} --session-name probe --expect denied");
        Assert.True(cell.Succeeded, cell.Failure);

        var key = world.Accounts[Caller].Users[caller[(caller.LastIndexOf('/') + 1)..]].AccessKeys.Single();
        var refused = world.Sts.AssumeRole(new Credentials(key.AccessKeyId, key.SecretAccessKey), new AssumeRoleRequest(CrossRole, "probe") { ExternalId = ExternalId },
            trace: true).Error!;
        var check = refused.Check!;
        var deciding = Assert.Single(check.Explanation.Deciding);
        Assert.Equal(sid, deciding.Sid);
        Assert.Equal(kind, check.Explanation.Describe(deciding.Policy));

        Assert.Contains(DecisionHtml.Render(new DecisionView(check.Explanation) { DenialMessage = refused.Message }), cell.Html, StringComparison.Ordinal);
        Assert.Contains($"<code>{sid}</code>", cell.Html, StringComparison.Ordinal);
        Assert.Contains("aws:PrincipalTag/team", cell.Html, StringComparison.Ordinal);
    }

    // The cross-account world in an organization: an RCP on the role's account refuses the blue team, an SCP on the
    // caller's account refuses the green team; users blue and green are tagged so and may assume roles.
    private static LabWorld Organized()
    {
        var world = CrossAccount();
        Assert.True(world.CreateAccount("222222222222").IsSuccess);
        var iam = world.Iam(Caller);
        foreach (var team in new[] { "blue", "green" })
        {
            Assert.True(iam.CreateUser(team, tags: [new IamLab.World.Tag("team", team)]).IsSuccess);
            Assert.True(iam.PutUserPolicy(team, "AssumeRoles", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""").IsSuccess);
        }

        var org = world.Organizations.CreateOrganization("222222222222").Value;
        var callers = world.Organizations.CreateOrganizationalUnit("Callers", org.RootId).Value;
        var targets = world.Organizations.CreateOrganizationalUnit("Targets", org.RootId).Value;
        Assert.True(world.Organizations.MoveAccount(Caller, callers.Id).IsSuccess);
        Assert.True(world.Organizations.MoveAccount(Target, targets.Id).IsSuccess);
        Assert.True(world.Organizations.AttachServiceControlPolicy(callers.Id, """
            {"Version":"2012-10-17","Statement":[{"Sid":"NoGreenCallers","Effect":"Deny","Action":"sts:AssumeRole","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalTag/team":"green"}}}]}
            """).IsSuccess);
        Assert.True(world.Organizations.AttachResourceControlPolicy(targets.Id, """
            {"Version":"2012-10-17","Statement":[{"Sid":"NoBlueCallers","Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}
            """).IsSuccess);
        return world;
    }
}
