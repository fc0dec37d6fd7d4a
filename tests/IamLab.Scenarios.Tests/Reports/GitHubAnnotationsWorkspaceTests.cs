using IamLab.Policy.Diagnostics;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Reports;

namespace IamLab.Scenarios.Tests.Reports;

/// <summary>GitHub places an annotation by a path relative to the workspace; the library is told the workspace, it does not read the process's directory.</summary>
public class GitHubAnnotationsWorkspaceTests
{
    private static GradeReport ReportFor(string file) => new()
    {
        Scenario = "demo",
        Title = "Demo",
        Submission = Path.GetDirectoryName(file)!,
        Checks = [],
        Findings = [new ReportFinding("SEC_ACCESS_KEY_IN_FILE", Diagnostic.SecurityWarningName, "looks like a key", file, 3, 7)],
    };

    [Fact]
    public void FileInsideTheWorkspace_IsNamedRelativeToIt()
    {
        var workspace = Path.Combine(Path.GetTempPath(), "ws-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(workspace, "answers", "alice", "trust-policy.json");

        var line = Assert.Single(GitHubAnnotations.Lines(ReportFor(file), workspace));

        Assert.StartsWith("::warning file=answers/alice/trust-policy.json,line=3,col=7,", line, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOutsideTheWorkspace_KeepsItsPath()
    {
        var workspace = Path.Combine(Path.GetTempPath(), "ws-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(Path.GetTempPath(), "elsewhere", "trust-policy.json");

        var line = Assert.Single(GitHubAnnotations.Lines(ReportFor(file), workspace));

        Assert.StartsWith($"::warning file={file.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal)},line=3,", line, StringComparison.Ordinal);
    }
}
