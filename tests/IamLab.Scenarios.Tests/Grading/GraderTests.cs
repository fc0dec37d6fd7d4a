using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The grader on its own: points are the checks' weights, hidden checks count but show nothing of themselves, an ERROR
/// finding stops every check, a scenario can turn off a finding, and the answer's notes come only with full marks.
/// </summary>
public sealed class GraderTests
{
    private const string Yaml = """
        id: weights
        title: Weights
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111", "222222222222"]
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust: { file: trust-policy.json }
        checks:
          - name: own-account-in
            weight: 2
            hint: Trust 111111111111.
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: allowed
          - name: other-account-out
            weight: 5
            hint: Only one account.
            requires: [own-account-in]
            request: { principal: "arn:aws:iam::222222222222:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
        """;

    private const string Hidden = """
        scenario: weights
        checks:
          - name: hidden-tag-session-out
            weight: 3
            hint: Trust only sts:AssumeRole.
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:TagSession, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
        """;

    private static Scenario Scenario(string yaml = Yaml) => ScenarioLoader.Parse(yaml, "weights/scenario.yaml", "weights").Scenario!;

    private static IReadOnlyList<CheckSpec> HiddenChecks(Scenario scenario)
    {
        var (checks, problems) = HiddenCheckLoader.Parse(Hidden, "hidden/weights.yaml", scenario);
        Assert.Empty(problems);
        return checks;
    }

    private static Submission Trust(string principal, string actions = "\"sts:AssumeRole\"") => new("learner", new Dictionary<string, string>
    {
        ["trust-policy.json"] = $$"""
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": "{{principal}}"}, "Action": [{{actions}}]}
              ]
            }
            """,
    });

    [Fact]
    public void Points_AreTheWeightsOfThePassingChecks_HiddenOnesIncluded()
    {
        var scenario = Scenario();
        using var grader = new Grader(scenario, HiddenChecks(scenario));

        var right = grader.Grade(Trust("arn:aws:iam::111111111111:root"));
        var tagsToo = grader.Grade(Trust("arn:aws:iam::111111111111:root", "\"sts:AssumeRole\", \"sts:TagSession\""));

        Assert.Equal(["own-account-in", "other-account-out", "hidden-tag-session-out"], right.Checks.Select(c => c.Name));
        Assert.Equal((10, 10), (right.Score, right.MaxScore));
        Assert.True(right.FullMarks);
        Assert.Equal((7, 10), (tagsToo.Score, tagsToo.MaxScore));
        Assert.Equal(["pass", "pass", "fail"], tagsToo.Checks.Select(c => c.StatusName));
        Assert.False(tagsToo.Passed);
    }

    [Fact]
    public void FailedHiddenCheck_SaysOnlyFailed_WithoutItsRequestOrExplanation()
    {
        var scenario = Scenario();
        using var grader = new Grader(scenario, HiddenChecks(scenario));

        var report = grader.Grade(Trust("arn:aws:iam::111111111111:root", "\"sts:AssumeRole\", \"sts:TagSession\""));
        var hidden = report.Checks[2];
        var visibleFailure = grader.Grade(Trust("arn:aws:iam::222222222222:root")).Checks[0];

        Assert.True(hidden.Hidden);
        Assert.Equal("Failed.", hidden.Message);
        Assert.Empty(hidden.Explanation);
        Assert.Equal("Trust only sts:AssumeRole.", hidden.Hint);
        Assert.Null(hidden.File);

        // The same kind of failure in a visible check shows the request and what decided it.
        Assert.Equal("Expected allowed, got implicitDeny.", visibleFailure.Message);
        Assert.Contains(visibleFailure.Explanation, l => l.StartsWith("Request: arn:aws:iam::111111111111:root sts:AssumeRole on arn:aws:iam::111111111111:role/R", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorFinding_StopsEveryCheck_AndScoresNothing()
    {
        using var grader = new Grader(Scenario());
        var broken = new Submission("learner", new Dictionary<string, string>
        {
            ["trust-policy.json"] = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}}]}""",
        });

        var report = grader.Grade(broken);

        Assert.NotEmpty(report.Errors);
        Assert.All(report.Checks, c => Assert.Equal(CheckStatus.NotRun, c.Status));
        Assert.All(report.Checks, c => Assert.Equal("Not run: fix the ERROR findings in trust-policy.json first.", c.Message));
        Assert.Equal((0, 7), (report.Score, report.MaxScore));
        Assert.Equal("trust-policy.json", Path.GetFileName(report.Errors[0].File));
        Assert.Equal(1, report.Errors[0].Line);
    }

    [Theory]
    [InlineData("*", "PUBLIC_TRUST")] // the validator's finding
    [InlineData("arn:aws:iam::222222222222:root", "SEC_CROSS_ACCOUNT_NO_EXTERNAL_ID")] // the scanner's, which needs the role's account
    public void ScenarioIgnoringAFinding_DropsIt_WhoeverReportedIt(string principal, string code)
    {
        var submission = Trust(principal);
        using var plain = new Grader(Scenario());
        using var ignoring = new Grader(Scenario(Yaml.Replace("files:", $"ignoreFindings: [{code}]\nfiles:", StringComparison.Ordinal)));

        var reported = plain.Grade(submission).Findings.Select(f => f.Code).ToList();
        var left = ignoring.Grade(submission).Findings.Select(f => f.Code).ToList();

        Assert.Contains(code, reported);
        Assert.Equal(reported.Where(c => c != code), left);
    }

    [Fact]
    public void Notes_ComeOnlyWithFullMarks()
    {
        var scenario = Scenario() with { Notes = "Why one account is trusted." };
        using var grader = new Grader(scenario);

        Assert.Equal("Why one account is trusted.", grader.Grade(Trust("arn:aws:iam::111111111111:root")).Notes);
        Assert.Null(grader.Grade(Trust("arn:aws:iam::222222222222:root")).Notes);
    }
}
