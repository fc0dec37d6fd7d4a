using IamLab.Scenarios.Grading;
using IamLab.World.Authorization;
using static IamLab.Scenarios.Tests.Grading.ProbeWorld;

namespace IamLab.Scenarios.Tests.Grading;

/// <summary>
/// The grader's view of the world's explanation: for a denial only what stood in the way (a scenario policy's statement
/// about another action is noise, a learner's own statement never is), for an allow the statements that granted it, each
/// named by the learner's file and line, and the learner's file and line to point at.
/// </summary>
public sealed class TraceExplainerTests
{
    private static Explained Explain(string action, string resource)
    {
        var built = ProbeWorld.Build();
        var check = built.World.AuthorizeAs(App, action, resource).Value;
        return TraceExplainer.Explain(check.Explanation, built.Origins, "the request");
    }

    [Fact]
    public void Denial_ShowsOnlyWhatFailed_KeepingTheLearnersStatementAboutAnotherAction()
    {
        var explained = Explain("s3:GetObject", "arn:aws:s3:::data-222/k");
        var lines = explained.Lines;

        Assert.Equal("Request: the request → implicitDeny", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  ✗ app-policy.json statement 0 (\"ReadReports\"), line 4: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  ✗ app-policy.json statement 1 (\"Writes\"), line 10: ", StringComparison.Ordinal));
        // The SCP's statements are about other actions and are the scenario's: left out. Nothing that applied is listed.
        Assert.DoesNotContain(lines, l => l.Contains("SCP of OU Workloads", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  ✓ ", StringComparison.Ordinal));
        Assert.Equal(("app-policy.json", 4), (explained.File, explained.Line));
    }

    [Fact]
    public void Allow_NamesTheGrantingStatement_WithItsFileAndLine()
    {
        var explained = Explain("s3:GetObject", "arn:aws:s3:::data-222/reports/q1.csv");
        var lines = explained.Lines;

        Assert.Equal("Request: the request → allowed", lines[0]);
        var by = lines.ToList().IndexOf("Allowed by:");
        Assert.True(by > 0);
        Assert.Contains(lines.Skip(by + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)), l => l == "  app-policy.json statement 0 (\"ReadReports\"), line 4");
        Assert.DoesNotContain(lines, l => l.Contains("\"Writes\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  ✗ ", StringComparison.Ordinal));
        Assert.Equal(("app-policy.json", 4), (explained.File, explained.Line));
    }

    [Fact]
    public void ExplicitDeny_NamesTheScenariosScpInWords()
    {
        var explained = Explain("s3:DeleteObject", "arn:aws:s3:::data-222/reports/a");

        Assert.Equal("Request: the request → explicitDeny", explained.Lines[0]);
        var by = explained.Lines.ToList().IndexOf("Denied by:");
        Assert.Equal("  SCP of OU Workloads statement 0 (\"NoDeletes\")", explained.Lines[by + 1]);
    }
}
