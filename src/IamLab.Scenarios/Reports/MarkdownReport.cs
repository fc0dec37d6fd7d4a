using System.Text;
using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Reports;

/// <summary>Writes a grade report as GitHub-flavoured Markdown, for <c>$GITHUB_STEP_SUMMARY</c> or a pull request comment.</summary>
public static class MarkdownReport
{
    /// <summary>The report as Markdown.</summary>
    public static string Write(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("## ").Append(report.Passed ? "✅ " : "❌ ").Append(Escape(report.Title)).Append(" — ")
            .Append(report.Score).Append('/').Append(report.MaxScore).AppendLine();
        text.AppendLine();
        text.Append("Scenario `").Append(report.Scenario).Append("`, submission ").Append(Escape(report.Submission)).AppendLine(".");
        text.AppendLine();
        if (report.Errors.Count > 0)
        {
            text.AppendLine("### Errors (no check ran)");
            text.AppendLine();
            foreach (var e in report.Errors)
            {
                text.Append("- `").Append(Path.GetFileName(e.File)).Append(':').Append(e.Line).Append(':').Append(e.Column).Append("` **")
                    .Append(e.Code).Append("** ").AppendLine(Escape(e.Message));
            }

            text.AppendLine();
        }

        text.AppendLine("| | Check | Points | Result |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var check in report.Checks)
        {
            var icon = check.Status switch
            {
                CheckStatus.Pass => "✅",
                CheckStatus.Fail => "❌",
                CheckStatus.NotRun => "⏭️",
                CheckStatus.Unearned => "➖",
                _ => "⚠️",
            };
            text.Append("| ").Append(icon).Append(" | ").Append(Escape(check.Name)).Append(check.Hidden ? " *(hidden)*" : string.Empty)
                .Append(" | ").Append(check.Score).Append('/').Append(check.Weight).Append(" | ").Append(Escape(check.Message)).AppendLine(" |");
        }

        var failed = report.Checks.Where(c => c.Status != CheckStatus.Pass && c.Status != CheckStatus.NotRun).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("### What to fix");
            foreach (var check in failed)
            {
                text.AppendLine();
                text.Append("<details><summary><b>").Append(Html(check.Name)).Append("</b>: ").Append(Html(check.Hint)).AppendLine("</summary>");
                text.AppendLine();
                if (check.File is not null)
                {
                    text.Append("At `").Append(Path.GetFileName(check.File)).Append(':').Append(check.Line).AppendLine("`.");
                    text.AppendLine();
                }

                if (check.Explanation.Count > 0)
                {
                    text.AppendLine("```text");
                    foreach (var line in check.Explanation)
                    {
                        text.AppendLine(SafeText.Terminal(line).Replace("```", "'''", StringComparison.Ordinal));
                    }

                    text.AppendLine("```");
                    text.AppendLine();
                }

                text.AppendLine("</details>");
            }
        }

        if (report.Findings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("### Findings");
            text.AppendLine();
            foreach (var f in report.Findings)
            {
                text.Append("- `").Append(Path.GetFileName(f.File)).Append(':').Append(f.Line).Append("` ").Append(f.Severity).Append(" **")
                    .Append(f.Code).Append("** ").AppendLine(Escape(f.Message));
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => SafeText.MarkdownInline(text);

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(SafeText.Terminal(text));
}
