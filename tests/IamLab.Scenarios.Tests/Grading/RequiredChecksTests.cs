using System.Text.Json;
using System.Xml.Linq;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Reports;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary><c>requires:</c>: a refusal earns its points only when the access it protects works.</summary>
public class RequiredChecksTests
{
    private const string Yaml = """
        id: demo
        title: Demo
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111", "222222222222", "333333333333"]
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust: { file: trust-policy.json }
        checks:
          - name: works
            weight: 2
            hint: Trust 111111111111.
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: allowed
          - name: others-refused
            weight: 3
            hint: [Only one account., A trust names its principals., Trust arn:aws:iam::111111111111:root only.]
            requires: [works]
            request: { principal: "arn:aws:iam::222222222222:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
          - name: after-others
            weight: 1
            hint: h
            requires: [others-refused]
            request: { principal: "arn:aws:iam::222222222222:root", action: sts:TagSession, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
        """;

    private static Scenario Scenario => ScenarioLoader.Parse(Yaml, "demo/scenario.yaml", "demo").Scenario!;

    private static Submission Trusting(string account) => new("learner", new Dictionary<string, string>
    {
        ["trust-policy.json"] = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:root"},"Action":"sts:AssumeRole"}]}""",
    });

    private static GradeReport Grade(string account, int hintLevel = 1)
    {
        using var grader = new Grader(Scenario);
        return grader.Grade(Trusting(account), hintLevel);
    }

    [Fact]
    public void RefusalWhileTheAccessItProtectsFails_IsUnearned_AndScoresNothing()
    {
        var report = Grade("333333333333");

        Assert.Equal(["fail", "unearned", "unearned"], report.Checks.Select(c => c.StatusName));
        Assert.Equal(0, report.Score);
        Assert.Equal(6, report.MaxScore);
        Assert.False(report.Passed);
        var refused = report.Checks[1];
        Assert.Equal(0, refused.Score);
        Assert.Equal("Passed, but earns no points until works passes: a refusal counts only when the access it protects works.", refused.Message);
        Assert.Equal("Passed, but earns no points until others-refused passes: a refusal counts only when the access it protects works.", report.Checks[2].Message);
    }

    [Fact]
    public void RefusalWithTheAccessWorking_EarnsItsPoints()
    {
        var report = Grade("111111111111");

        Assert.Equal(["pass", "pass", "pass"], report.Checks.Select(c => c.StatusName));
        Assert.Equal(6, report.Score);
    }

    [Fact]
    public void RequiredCheckPassing_DoesNotRescueAFailedCheck()
    {
        // Trusting 222222222222 too: works passes, others-refused fails (not unearned), after-others is unearned.
        using var grader = new Grader(Scenario);
        var report = grader.Grade(new Submission("learner", new Dictionary<string, string>
        {
            ["trust-policy.json"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root","arn:aws:iam::222222222222:root"]},"Action":"sts:AssumeRole"}]}""",
        }));

        Assert.Equal(["pass", "fail", "unearned"], report.Checks.Select(c => c.StatusName));
        Assert.Equal(2, report.Score);
    }

    [Fact]
    public void HiddenCheck_RequiringAScenarioCheck_IsUnearnedToo()
    {
        var scenario = Scenario;
        var (hidden, problems) = HiddenCheckLoader.Parse("""
            checks:
              - name: third-refused
                hint: Only one account.
                requires: [works]
                request: { principal: "arn:aws:iam::333333333333:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
                expect: denied
            """, "hidden/demo.yaml", scenario);
        Assert.Empty(problems);
        using var grader = new Grader(scenario, hidden);

        var report = grader.Grade(Trusting("222222222222"));

        var check = report.Checks.Single(c => c.Name == "third-refused");
        Assert.Equal(CheckStatus.Unearned, check.Status);
        Assert.True(check.Hidden);
    }

    [Fact]
    public void HintLevel_ChoosesTheLevel_AndTheLastStaysForHigherLevels()
    {
        Assert.Equal("Only one account.", Grade("333333333333").Checks[1].Hint);
        Assert.Equal("A trust names its principals.", Grade("333333333333", hintLevel: 2).Checks[1].Hint);
        Assert.Equal("Trust arn:aws:iam::111111111111:root only.", Grade("333333333333", hintLevel: 3).Checks[1].Hint);
        Assert.Equal("Trust 111111111111.", Grade("333333333333", hintLevel: 3).Checks[0].Hint);
    }

    [Fact]
    public void HintLevel_NeverChangesTheScore()
    {
        Assert.Equal(Grade("222222222222").Score, Grade("222222222222", hintLevel: 3).Score);
        Assert.Equal(Grade("111111111111", hintLevel: 2).Score, Grade("111111111111").Score);
    }

    [Fact]
    public void EveryReportFormat_ListsTheUnearnedCheck()
    {
        var report = Grade("333333333333");

        var json = JsonDocument.Parse(ResultsJson.Write(report)).RootElement;
        var refused = json.GetProperty("checks")[1];
        Assert.Equal("unearned", refused.GetProperty("status").GetString());
        Assert.Equal(0, refused.GetProperty("score").GetInt32());

        var junit = XDocument.Parse(JunitReport.Write([report]));
        var testcase = junit.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "others-refused");
        Assert.StartsWith("Passed, but earns no points until works passes", (string?)testcase.Element("skipped")!.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal("2", (string?)junit.Root!.Element("testsuite")!.Attribute("skipped"));

        var markdown = MarkdownReport.Write(report);
        Assert.Contains("| ➖ | others-refused | 0/3 | Passed, but earns no points until works passes", markdown, StringComparison.Ordinal);

        var csv = Gradebook.Csv([new GradebookEntry("ann", new GradeOutcome(report, []))], report.MaxScore).Split('\n');
        Assert.Equal("submission,score,maxScore,percent,status,failedChecks,check:works,check:others-refused,check:after-others", csv[0]);
        Assert.Equal("ann,0,6,0.0,failed,works others-refused after-others,fail,unearned,unearned", csv[1]);
    }
}
