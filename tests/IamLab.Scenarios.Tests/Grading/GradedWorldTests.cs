using System.Text.Json.Nodes;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Reports.Html;
using IamLab.Scenarios.Submissions;
using IamLab.World.Analysis;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The grader hands back the world it built and graded in, and a learner's page draws that world: no second build.
/// The pages are compared with the ones drawn (as before) from a world built again from the same files, and the
/// pictures' content is checked against what the scenario's files say, read here independently.
/// </summary>
public class GradedWorldTests
{
    private const string External = "cross-account-external-id";

    public static TheoryData<string> ScenarioIds() => [.. ScenarioCatalog.Ids(Repo.Scenarios)];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void SolutionPage_DrawnFromTheGradersWorld_IsThePageDrawnFromAWorldBuiltAgain(string id)
    {
        var scenario = Load(id);
        using var grader = new Grader(scenario);

        var (outcome, graph) = GuardedGrading.GradeForReport(grader, Repo.Solution(id), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false, drawGraph: true);

        Assert.True(graph is not null, $"{id}: no graph from the grader's world");
        var report = outcome.Report!;
        Assert.True(report.FullMarks, $"{id}: the solution does not get full marks");
        Assert.Equal(LearnerReportHtml.Write(report, BuiltAgain(scenario, Repo.Solution(id))), LearnerReportHtml.Write(report, graph));
    }

    [Fact]
    public void CrossAccountSolution_GraphHasTheEdgeItsTrustGrants_AndNoneForWhoItLeavesOut()
    {
        var scenario = Load(External);
        // What the files say, read without the lab: the role whose trust is trust-policy.json, the trust's Sid and ExternalId,
        // and the user whose caller-policy.json names the role.
        var role = scenario.World.Roles.Single(r => r.Trust.File == "trust-policy.json").Arn;
        var trust = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Solution(External), "trust-policy.json")))!["Statement"]![0]!;
        var sid = (string)trust["Sid"]!;
        var externalId = (string)trust["Condition"]!["StringEquals"]!["sts:ExternalId"]!;
        var caller = scenario.World.Users.Single(u => u.Policies.Any(p => p.File == "caller-policy.json")).Arn;
        var others = scenario.World.Users.Select(u => u.Arn).Where(a => a != caller).ToList();
        using var grader = new Grader(scenario);

        var (outcome, graph) = GuardedGrading.GradeForReport(grader, Repo.Solution(External), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false, drawGraph: true);

        var edge = Assert.Single(graph!.Edges, e => e.From == caller && e.To == role);
        Assert.True(edge.Conditional);
        Assert.Contains(sid, edge.GrantedBy, StringComparison.Ordinal);
        Assert.Contains(externalId, edge.Conditions, StringComparison.Ordinal);
        Assert.NotEmpty(others);
        Assert.DoesNotContain(graph.Edges, e => e.To == role && others.Contains(e.From));
        var page = LearnerReportHtml.Write(outcome.Report!, graph);
        var picture = page[page.IndexOf("<svg class=\"iamlab-access-graph\"", StringComparison.Ordinal)..];
        picture = picture[..picture.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Contains($"role {role[(role.LastIndexOf('/') + 1)..]}", picture, StringComparison.Ordinal);
        Assert.Contains(sid, picture, StringComparison.Ordinal);
    }

    [Fact]
    public void GradersWorld_IsDrawnAtTheInstantItWasBuilt_NotWhereTheChecksLeftTheClock()
    {
        // The trust lets dev in until March; the scenario's clock is January; the only check runs in June and is refused.
        var scenario = ScenarioLoader.Parse(WindowYaml, "window/scenario.yaml", "window").Scenario!;
        var folder = Repo.Scratch();
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"), WindowTrust);
        using var grader = new Grader(scenario);

        var (outcome, graph) = GuardedGrading.GradeForReport(grader, folder, GuardedGrading.DefaultTimeout, refuseLinkedFolder: false, drawGraph: true);

        Assert.True(outcome.Report!.Passed, "the check in June should see dev refused");
        var edge = Assert.Single(graph!.Edges, e => e.From == "arn:aws:iam::111111111111:user/dev");
        Assert.False(edge.Conditional, "the graph was asked in June, where the checks left the clock, not in January");
        Assert.Contains("UntilMarch", edge.GrantedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void World_IsHandedBack_OnlyWhenAsked_AndOnlyWhenTheGraderBuiltIt()
    {
        using var grader = new Grader(Load(External));
        var invalid = Repo.CopyOf(Repo.Solution(External));
        File.WriteAllText(Path.Combine(invalid, "trust-policy.json"), """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Permit", "Principal": "*", "Action": "sts:AssumeRole" } ] }""");

        var plain = grader.Grade(Repo.Solution(External));
        var kept = grader.Grade(Repo.Solution(External), keepWorld: true);
        var notBuilt = grader.Grade(invalid, keepWorld: true);

        Assert.Null(plain.World);
        Assert.NotNull(kept.World);
        Assert.Equal(plain.Report!.Score, kept.Report!.Score);
        Assert.NotEmpty(notBuilt.Report!.Errors);
        Assert.Null(notBuilt.World);
    }

    [Fact]
    public void GradeForReport_WithErrorFindings_GradesAndSaysThereIsNoPicture_AndKeepsNoWorld()
    {
        using var grader = new Grader(Load(External));
        var invalid = Repo.CopyOf(Repo.Solution(External));
        File.WriteAllText(Path.Combine(invalid, "trust-policy.json"), """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Permit", "Principal": "*", "Action": "sts:AssumeRole" } ] }""");

        var (outcome, graph) = GuardedGrading.GradeForReport(grader, invalid, GuardedGrading.DefaultTimeout, refuseLinkedFolder: false, drawGraph: true);

        Assert.Null(graph);
        Assert.Null(outcome.World);
        Assert.Equal(0, outcome.Report!.Score);
        var page = LearnerReportHtml.Write(outcome.Report, graph);
        Assert.Contains("No world was built from these files: the errors above stop it, so there is no picture.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("within the time limit", page, StringComparison.Ordinal);
    }

    [Fact]
    public void APageWithoutErrorsOrPicture_SaysTheTimeLimitStoppedIt()
    {
        using var grader = new Grader(Load(External));
        var report = grader.Grade(Repo.Solution(External)).Report!;

        var page = LearnerReportHtml.Write(report, graph: null);

        Assert.Empty(report.Errors);
        Assert.Contains("The world could not be built from these files within the time limit, so there is no picture.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void GradeForReport_PastTheLimit_StopsWithTheTimeoutProblem_AndNoGraph()
    {
        using var grader = new Grader(Load("saml-federation"));

        // A limit of zero: no grading can finish before the limit is checked. A limit of 1 ms was not enough on a busy
        // two-core machine, where the waiting thread may wake only after a grading of a few milliseconds has finished.
        var (outcome, graph) = GuardedGrading.GradeForReport(grader, Repo.Solution("saml-federation"), TimeSpan.Zero, refuseLinkedFolder: false, drawGraph: true);

        Assert.Null(graph);
        Assert.Null(outcome.Report);
        Assert.Equal(["SUBMISSION_TIMEOUT"], outcome.Problems.Select(p => p.Code));
    }

    [Fact]
    public void GradeForReport_HandsBackTheGraph_ButNotTheWorld()
    {
        using var grader = new Grader(Load(External));

        var (outcome, graph) = GuardedGrading.GradeForReport(grader, Repo.Solution(External), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false, drawGraph: true);

        Assert.NotNull(graph);
        Assert.Null(outcome.World);
    }

    private static Scenario Load(string id) => ScenarioLoader.Load(Repo.Scenario(id)).Scenario!;

    // How the page's graph was made before the grader handed its world back: the files read and the world built a second time.
    private static AccessGraph? BuiltAgain(Scenario scenario, string folder)
    {
        var (submission, _) = SubmissionLoader.Load(scenario, folder);
        var (world, _) = WorldBuilder.BuildForServing(scenario, submission!, new GradingClock(scenario.Clock));
        return world is null ? null : AccessGraphBuilder.Build(world);
    }

    private const string WindowTrust = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "UntilMarch",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::111111111111:user/dev" },
              "Action": "sts:AssumeRole",
              "Condition": { "DateLessThan": { "aws:CurrentTime": "2026-03-01T00:00:00Z" } }
            }
          ]
        }
        """;

    private const string WindowYaml = """
        id: window
        title: Window
        clock: 2026-01-15T12:00:00Z
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111"]
          users:
            - arn: arn:aws:iam::111111111111:user/dev
              policies:
                - name: AssumeApp
                  document:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: sts:AssumeRole
                        Resource: arn:aws:iam::111111111111:role/App
          roles:
            - arn: arn:aws:iam::111111111111:role/App
              trust: { file: trust-policy.json }
        checks:
          - name: closed-in-june
            hint: h
            at: 2026-06-01T00:00:00Z
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                assumeRole:
                  roleArn: arn:aws:iam::111111111111:role/App
                  roleSessionName: dev
            expect: { error: AccessDenied }
        """;
}
