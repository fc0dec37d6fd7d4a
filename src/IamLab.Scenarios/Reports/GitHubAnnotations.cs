using IamLab.Policy.Diagnostics;
using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Reports;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=...,line=...::message</c>) for the failures of a report, so that
/// they show on the learner's files in the pull request.
/// </summary>
public static class GitHubAnnotations
{
    /// <summary>
    /// One <c>::error</c> line per ERROR finding and failed check, and a <c>::warning</c> per security finding; files are
    /// named relative to <paramref name="workspace"/> (the repository root the workflow runs in) when they are inside it.
    /// </summary>
    public static IReadOnlyList<string> Lines(GradeReport report, string workspace)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(workspace);
        var lines = new List<string>();
        foreach (var e in report.Errors)
        {
            lines.Add(Command(workspace, "error", e.File, e.Line, e.Column, $"{e.Code}", e.Message));
        }

        foreach (var check in report.Checks.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Error))
        {
            var message = $"{check.Message} Hint: {check.Hint}";
            lines.Add(check.File is null
                ? $"::error title={Property($"{report.Scenario}: {check.Name}")}::{Data(message)}"
                : Command(workspace, "error", check.File, check.Line, 0, $"{report.Scenario}: {check.Name}", message));
        }

        foreach (var f in report.Findings.Where(f => f.Severity == Diagnostic.SecurityWarningName))
        {
            lines.Add(Command(workspace, "warning", f.File, f.Line, f.Column, f.Code, f.Message));
        }

        return lines;
    }

    private static string Command(string workspace, string kind, string file, int line, int column, string title, string message)
    {
        var properties = $"file={Property(RepositoryPath(workspace, file))}";
        if (line > 0)
        {
            properties += $",line={line}";
        }

        if (column > 0)
        {
            properties += $",col={column}";
        }

        return $"::{kind} {properties},title={Property(title)}::{Data(message)}";
    }

    // GitHub places annotations by a path relative to the repository root, which is the workspace the grader runs in.
    private static string RepositoryPath(string workspace, string file)
    {
        var root = Path.GetFullPath(workspace);
        var relative = Path.GetRelativePath(root, Path.GetFullPath(file, root));
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative).Replace('\\', '/');
    }

    // The escapes of GitHub's workflow commands: data escapes %, CR and LF; properties also ':' and ','.
    // Other control characters (terminal escape sequences among them) are shown as text: the log is read in a terminal-like view.
    private static string Data(string text) =>
        SafeText.Terminal(text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
