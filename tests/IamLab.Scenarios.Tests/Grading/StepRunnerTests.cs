using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Grading;
using IamLab.World;
using IamLab.World.Authorization;
using IamLab.World.Sts;
using static IamLab.Scenarios.Tests.Grading.ProbeWorld;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The step runner on its own: STS steps go through the world's STS (which sets the transitive keys and the tags) and
/// leave their session as the next step's caller; a role's request is decided by the world with the organization's SCPs
/// and the role's tags; a step the scenario wrote wrong is a problem for the scenario, not a decision.
/// </summary>
public sealed class StepRunnerTests
{
    [Fact]
    public void AssumeRole_ThroughTheWorldsSts_WithTransitiveKeys_LeavesTheSessionAsTheNextCaller()
    {
        var built = ProbeWorld.Build();
        var runner = new StepRunner(built);
        var steps = Check("chain-with-transitive-key").Steps;

        var assumed = runner.Run(steps[0], out var problem);
        var session = runner.Current!;
        var read = runner.Run(steps[1], out _);

        Assert.Null(problem);
        Assert.True(assumed!.Succeeded);
        Assert.NotNull(session.SessionToken);
        var made = Assert.Single(built.World.Sts.Sessions.Values);
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Next/s1", made.Arn);
        Assert.Equal(["project"], made.TransitiveTagKeys);

        // The request is the session's (Next has no permissions), not dev's.
        Assert.Equal(Decision.ImplicitDeny, read!.Decision);
        Assert.Contains(read.Explained.Lines, l => l.StartsWith("Request: arn:aws:sts::222222222222:assumed-role/Next/s1 s3:GetObject on ", StringComparison.Ordinal));
    }

    [Fact]
    public void AssumeRoleRefusedByTheTrust_IsAwsAccessDenied_ExplainedFromTheCheckStsMade()
    {
        var built = ProbeWorld.Build();
        var runner = new StepRunner(built);

        var outcome = runner.Run(Check("chain-without-transitive-key").Steps[0], out var problem);

        // The same call, asked of a second copy of the world's STS directly.
        var again = ProbeWorld.Build();
        var sts = again.World.Sts.AssumeRole(again.KeyOf(Dev)!, new AssumeRoleRequest(Next, "s2") { Tags = [new Tag("project", "blue")] });
        Assert.Null(problem);
        Assert.False(sts.IsSuccess);
        Assert.Equal((sts.Error!.Code, sts.Error.Message), (outcome!.ErrorCode, outcome.ErrorMessage));
        Assert.Equal(sts.Error.Check!.Result.Decision, outcome.Decision);
        Assert.Equal(Decision.ImplicitDeny, outcome.Decision);
        var lines = outcome.Explained.Lines;
        Assert.Contains(lines, l => l.StartsWith("Request: " + Dev + " sts:AssumeRole on " + Next + " with ", StringComparison.Ordinal) && l.Contains("aws:RequestTag/project=blue", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Request: ", StringComparison.Ordinal) && l.Contains("sts:TransitiveTagKeys=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("      ✗ ", StringComparison.Ordinal) && l.Contains("\"sts:TransitiveTagKeys\"", StringComparison.Ordinal));
        Assert.Equal("trust-policy.json", outcome.Explained.File);
        Assert.Null(runner.Current?.SessionToken);
    }

    [Fact]
    public void RoleRequest_IsTheWorldsDecision_WithTheOrganizationsScp()
    {
        var built = ProbeWorld.Build();
        var runner = new StepRunner(built);

        var outcome = runner.Run(Check("role-deletes").Steps[0], out var problem);
        var world = built.World.AuthorizeAs(App, "s3:DeleteObject", "arn:aws:s3:::data-222/reports/a").Value;

        Assert.Null(problem);
        Assert.Equal(Decision.ExplicitDeny, outcome!.Decision);
        Assert.Equal(world.Result.Decision, outcome.Decision);
        Assert.Contains("  SCP of OU Workloads statement 0 (\"NoDeletes\")", outcome.Explained.Lines);
    }

    [Fact]
    public void RoleRequest_CarriesTheRolesTags_IntoTheScpsCondition()
    {
        // OnlyBlueWrites denies s3:PutObject unless aws:PrincipalTag/team is blue: App is tagged blue, so its own policy decides.
        var built = ProbeWorld.Build();
        var write = new StepRunner(built).Run(Check("role-deletes").Steps[0] with
        {
            Request = Check("role-deletes").Steps[0].Request! with { Action = "s3:PutObject", Resource = "arn:aws:s3:::data-222/in/a" },
        }, out _);

        Assert.Equal(Decision.Allowed, write!.Decision);
        Assert.Equal(built.World.AuthorizeAs(App, "s3:PutObject", "arn:aws:s3:::data-222/in/a").Value.Result.Decision, write.Decision);
    }

    [Fact]
    public void StepAsSomeoneWhoIsNotAUser_IsAProblemOfTheScenario_NotADecision()
    {
        var outcome = new StepRunner(ProbeWorld.Build()).Run(Check("as-a-stranger").Steps[0], out var problem);

        Assert.Null(outcome);
        Assert.Equal("\"as: arn:aws:iam::222222222222:user/nobody\" is not a user of the world.", problem);
    }

    [Fact]
    public void RequestFromAnInstance_WithoutAnInstanceLaunched_IsAProblemOfTheScenario()
    {
        var outcome = new StepRunner(ProbeWorld.Build()).Run(Check("from-an-instance-never-launched").Steps[0], out var problem);

        Assert.Null(outcome);
        Assert.Equal("A request \"fromInstance\" needs an ec2Instance step before it.", problem);
    }
}
