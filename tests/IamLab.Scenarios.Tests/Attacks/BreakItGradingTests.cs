using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Checking;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Serving;

namespace IamLab.Scenarios.Tests.Attacks;

/// <summary>
/// The break-it scenario graded as a learner's folder is: its answers corpus holds (iamlab check), an attack that starts
/// from another principal or names a stranger's repository scores nothing with the file and line named, a service step
/// with no credentials before it fails (the world must not create a function for free), and the incident's records have
/// the same eventIDs in the world the endpoint and the notebook build as in the grader's.
/// </summary>
public class BreakItGradingTests
{
    private const string Id = "break-it";

    // The eventID of the log's fifth record in a world of seed 1: SHA-256 of "iamlab-event:1:5", as a version 4 GUID
    // (computed apart from the lab, with Python's hashlib and uuid).
    private const string FifthEventId = "53c7d293-2ac8-4463-8de2-86c178febe20";

    [Fact]
    public void TheScenario_PassesIamlabCheck()
    {
        var report = ScenarioSelfCheck.Run(Repo.Scenarios, Id);

        Assert.True(report.IsSound, string.Join("\n", report.Problems));
    }

    [Fact]
    public void AnAttackFromAnotherPrincipal_ScoresNothing_AndNamesTheFileAndLine()
    {
        var folder = Repo.CopyOf(Repo.Solution(Id));
        File.WriteAllText(Path.Combine(folder, "attack-mfa.yaml"), """
            from: "arn:aws:iam::111111111111:user/dev"
            steps:
              - assumeRole: { roleArn: "arn:aws:iam::111111111111:role/BreakGlassAdmin", roleSessionName: x }
            """);

        var report = Grade(folder);

        var error = Assert.Single(report.Errors);
        Assert.Equal((LabFileCodes.FootholdMismatch, Path.Combine(folder, "attack-mfa.yaml"), 1, 7), (error.Code, error.File, error.Line, error.Column));
        Assert.Equal(0, report.Score);
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.NotRun, c.Status));
    }

    [Fact]
    public void ATokenForTheVictimsRepository_IsRefused_NotGraded()
    {
        var folder = Repo.CopyOf(Repo.Solution(Id));
        File.WriteAllText(Path.Combine(folder, "attack-github.yaml"), """
            from: "github:mallory"
            steps:
              - assumeRoleWithWebIdentity:
                  roleArn: arn:aws:iam::111111111111:role/GitHubDeploy
                  github: { repository: acme/web, environment: production }
            """);

        var report = Grade(folder);

        Assert.Equal((LabFileCodes.NotYours, 5), (report.Errors.Single().Code, report.Errors.Single().Line));
        Assert.Equal(0, report.Score);
    }

    [Fact]
    public void AFunctionBeforeAnyCredentials_FailsTheAttack()
    {
        var folder = Repo.CopyOf(Repo.Solution(Id));
        File.WriteAllText(Path.Combine(folder, "attack-github.yaml"), """
            from: "github:mallory"
            steps:
              - lambdaFunction: { name: free-admin, roleArn: "arn:aws:iam::111111111111:role/OpsAutomationAdmin" }
            """);

        var report = Grade(folder);

        var check = report.Checks.Single(c => c.Name == "github-attack-gets-in");
        Assert.Equal(CheckStatus.Fail, check.Status);
        Assert.StartsWith("Step 1 (Lambda) has no credentials", check.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Unearned, report.Checks.Single(c => c.Name == "github-attack-is-the-hole").Status);
    }

    [Fact]
    public void AnAttackThatIsNotTheHole_LosesTheFixedWorldCheck()
    {
        var folder = Repo.CopyOf(Repo.Solution(Id));
        File.WriteAllText(Path.Combine(folder, "attack-external-id.yaml"), """
            from: "arn:aws:iam::222222222222:user/support-intern"
            steps:
              - assumeRole: { roleArn: "arn:aws:iam::111111111111:role/AuditCoReadOnly", externalId: acme-7Qx93kLp2v }
            """);

        var report = Grade(folder);

        Assert.Equal(CheckStatus.Pass, report.Checks.Single(c => c.Name == "external-id-attack-gets-in").Status);
        var hole = report.Checks.Single(c => c.Name == "external-id-attack-is-the-hole");
        Assert.Equal(CheckStatus.Fail, hole.Status);
        Assert.Contains("does not use the hole the fix closes", hole.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIncident_HasTheSameEventIds_InTheWorldServedToTheEndpointAndNotebook()
    {
        var served = ScenarioWorlds.BuildForServing(Repo.Scenario(Id), null, TimeProvider.System);

        var events = served.World!.World.Events.Events();
        var fifth = events[4];
        Assert.Equal(FifthEventId, fifth.EventId);
        Assert.Equal(("AssumeRole", "203.0.113.66", null), (fifth.EventName, fifth.SourceIpAddress, fifth.ErrorCode));
        Assert.Equal("auditco-nightly-sc4n", fifth.RequestParameters!["roleSessionName"]!.GetValue<string>());
        Assert.Equal("AccessDenied", events[3].ErrorCode);
    }

    private static GradeReport Grade(string folder)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(Id)).Scenario!;
        using var grader = new Grader(scenario);
        return grader.Grade(folder).Report!;
    }
}
