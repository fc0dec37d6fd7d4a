using IamLab.Interactive.Views;
using IamLab.Scenarios.Grading;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of a grade report: the score, the ERROR findings and other findings with their locations, and each check with its status, message, hint and explanation.</summary>
public static class GradeReportHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(GradeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var report = view.Report;
        var html = Html.Begin("iamlab-grade");
        html.Append("<div><b>").Append(Html.Encode(report.Title)).Append("</b> ")
            .Append(Html.Badge($"score {report.Score} / {report.MaxScore}", report.Passed ? Html.Green : Html.Red)).Append("</div>");
        AppendFindings(html, "Errors (no check runs until they are fixed)", report.Errors, Html.Red);
        AppendFindings(html, "Findings", report.Findings, Html.Amber);
        html.Append("<table class=\"iamlab-checks-table\" style=\"border-collapse:collapse;margin-top:4px\"><tr><th style=\"text-align:left;padding:2px 8px\">check</th>")
            .Append("<th style=\"text-align:left;padding:2px 8px\">status</th><th style=\"text-align:left;padding:2px 8px\">points</th><th style=\"text-align:left;padding:2px 8px\">result</th></tr>");
        foreach (var check in report.Checks)
        {
            var colour = check.Status == CheckStatus.Pass ? Html.Green : Html.Red;
            html.Append("<tr><td style=\"padding:2px 8px;vertical-align:top\"><code>").Append(Html.Encode(check.Name)).Append("</code>").Append(check.Hidden ? " <i>(hidden)</i>" : string.Empty)
                .Append("</td><td style=\"padding:2px 8px;vertical-align:top;color:").Append(colour).Append(";font-weight:600\">").Append(Html.Encode(check.StatusName))
                .Append("</td><td style=\"padding:2px 8px;vertical-align:top\">").Append(check.Score).Append(" / ").Append(check.Weight)
                .Append("</td><td style=\"padding:2px 8px\">").Append(Html.Encode(check.Message));
            if (check.Status != CheckStatus.Pass && check.Hint.Length > 0)
            {
                html.Append("<div><i>Hint:</i> ").Append(Html.Encode(check.Hint)).Append("</div>");
            }

            if (check.Explanation.Count > 0)
            {
                html.Append("<details><summary>why</summary><pre style=\"margin:0\">").Append(Html.Encode(string.Join('\n', check.Explanation))).Append("</pre></details>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table></div>");
        return html.ToString();
    }

    private static void AppendFindings(System.Text.StringBuilder html, string title, IReadOnlyList<ReportFinding> findings, string colour)
    {
        if (findings.Count == 0)
        {
            return;
        }

        html.Append("<div><b>").Append(Html.Encode(title)).Append("</b></div><ul style=\"margin:2px 0\">");
        foreach (var finding in findings)
        {
            html.Append("<li style=\"color:").Append(colour).Append("\"><code>").Append(Html.Encode($"{Path.GetFileName(finding.File)}:{finding.Line}:{finding.Column}"))
                .Append("</code> ").Append(Html.Encode($"{finding.Severity} {finding.Code}: {finding.Message}")).Append("</li>");
        }

        html.Append("</ul>");
    }
}
