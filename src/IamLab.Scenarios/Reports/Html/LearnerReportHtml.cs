using System.Globalization;
using System.Text;
using IamLab.Scenarios.Grading;
using IamLab.World.Analysis;

namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// One learner's page: the score, every check with its status, points, message, hint and explanation, the findings,
/// and two pictures of the learner's world: who may assume which role, and the role chains it allows. Every text that
/// comes from the learner (quoted policy text, statement ids, folder names) is escaped.
/// </summary>
public static class LearnerReportHtml
{
    /// <summary>The page; <paramref name="graph"/> is the learner's world's access graph (null: errors stopped the world being built, or it was not drawn within the time limit; the page says which).</summary>
    public static string Write(GradeReport report, AccessGraph? graph)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new StringBuilder();
        var percent = report.MaxScore == 0 ? 100.0 : 100.0 * report.Score / report.MaxScore;
        body.Append("<h1>").Append(HtmlPage.Text(report.Title)).Append("</h1>")
            .Append("<p class=\"muted\">Scenario <code>").Append(HtmlPage.Text(report.Scenario)).Append("</code>, submission <code>")
            .Append(HtmlPage.Text(report.Submission)).Append("</code></p>")
            .Append(CultureInfo.InvariantCulture, $"<p><span class=\"badge iamlab-score\" style=\"background:{(report.Passed ? HtmlPage.Green : HtmlPage.Red)}\">")
            .Append(CultureInfo.InvariantCulture, $"{report.Score} / {report.MaxScore} ({percent:0.0} %)</span> ")
            .Append(report.Passed ? "every check passes" : $"{report.Checks.Count(c => c.Status != CheckStatus.Pass)} of {report.Checks.Count} checks did not pass").Append("</p>");
        Findings(body, "Errors (no check runs until they are fixed)", report.Errors);
        Findings(body, "Findings", report.Findings);

        body.Append("<h2>Checks</h2><table class=\"iamlab-checks\"><tr><th>check</th><th>status</th><th>points</th><th>what happened</th></tr>");
        foreach (var check in report.Checks)
        {
            body.Append("<tr><td><code>").Append(HtmlPage.Text(check.Name)).Append("</code>").Append(check.Hidden ? " <i class=\"muted\">(hidden)</i>" : string.Empty)
                .Append("</td><td class=\"").Append(HtmlPage.StatusClass(check.StatusName)).Append("\">").Append(HtmlPage.Text(check.StatusName))
                .Append(CultureInfo.InvariantCulture, $"</td><td>{check.Score} / {check.Weight}</td><td>").Append(HtmlPage.Text(check.Message));
            if (check.File is { } file)
            {
                body.Append(" <span class=\"muted\">(").Append(HtmlPage.Text($"{Path.GetFileName(file)}:{check.Line}")).Append(")</span>");
            }

            if (check.Status != CheckStatus.Pass && check.Hint.Length > 0)
            {
                body.Append("<div><i>Hint:</i> ").Append(HtmlPage.Text(check.Hint)).Append("</div>");
            }

            if (check.Explanation.Count > 0)
            {
                body.Append(check.Status == CheckStatus.Pass ? "<details>" : "<details open>").Append("<summary>why</summary><pre>")
                    .Append(HtmlPage.Text(string.Join('\n', check.Explanation))).Append("</pre></details>");
            }

            body.Append("</td></tr>");
        }

        body.Append("</table>");
        body.Append("<h2>Who may assume which role in this world</h2>");
        if (graph is null)
        {
            body.Append(report.Errors.Count > 0
                ? "<p class=\"muted\">No world was built from these files: the errors above stop it, so there is no picture.</p>"
                : "<p class=\"muted\">The world could not be built from these files within the time limit, so there is no picture.</p>");
        }
        else
        {
            body.Append("<p class=\"muted\">Bands are accounts; an arrow means \"may assume\", labelled with the trust statement that grants it (dashed: only under its conditions; hover for them).</p>")
                .Append(AccessGraphSvg.Render(graph))
                .Append("<h2>Role chains</h2><p class=\"muted\">Every chain of roles a principal can walk, the longest first (at most ")
                .Append(RoleChainSvg.MaxChains.ToString(CultureInfo.InvariantCulture)).Append(").</p>")
                .Append(RoleChainSvg.Render(graph));
        }

        if (report.Notes is { } notes)
        {
            body.Append("<h2>About the answer</h2><pre>").Append(HtmlPage.Text(notes)).Append("</pre>");
        }

        return HtmlPage.Document($"{report.Scenario}: {report.Submission}: {report.Score}/{report.MaxScore}", body.ToString());
    }

    private static void Findings(StringBuilder body, string title, IReadOnlyList<ReportFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        body.Append("<h2>").Append(HtmlPage.Text(title)).Append("</h2><ul>");
        foreach (var finding in findings)
        {
            body.Append("<li><code>").Append(HtmlPage.Text($"{Path.GetFileName(finding.File)}:{finding.Line}:{finding.Column}")).Append("</code> ")
                .Append(HtmlPage.Text($"{finding.Severity} {finding.Code}: {finding.Message}")).Append("</li>");
        }

        body.Append("</ul>");
    }
}
