using System.Text;
using IamLab.Interactive.Views;
using IamLab.Policy.Diagnostics;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of a policy cell: the policy with line numbers and each validator finding under the line it is about.</summary>
public static class FindingsHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(PolicyCellView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = Html.Begin("iamlab-findings");
        var errors = view.Findings.Count(f => f.Severity == Severity.Error);
        var summary = view.Findings.Count == 0
            ? Html.Badge("no findings", Html.Green)
            : Html.Badge($"{view.Findings.Count} finding{(view.Findings.Count == 1 ? string.Empty : "s")}, {errors} error{(errors == 1 ? string.Empty : "s")}", errors > 0 ? Html.Red : Html.Amber);
        html.Append("<div><b>").Append(Html.Encode(view.File)).Append("</b> (").Append(Html.Encode(view.Kind)).Append(") ").Append(summary);
        if (view.Outcome is { } outcome)
        {
            html.Append(" <span style=\"color:#555\">").Append(Html.Encode(outcome)).Append("</span>");
        }

        html.Append("</div>");
        var lines = view.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var byLine = view.Findings.Where(f => f.Position.IsKnown).GroupBy(f => Math.Min(f.Position.Line, lines.Length)).ToDictionary(g => g.Key, g => g.ToList());
        html.Append("<pre class=\"iamlab-policy\" style=\"margin:4px 0;padding:6px;background:#f6f8fa;overflow-x:auto\">");
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var marked = byLine.ContainsKey(number);
            html.Append("<span style=\"color:#999;user-select:none\">").Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3)).Append("  </span>");
            html.Append(marked ? "<span style=\"background:#fff1f0\">" : "<span>").Append(Html.Encode(lines[i])).Append("</span>\n");
            if (marked)
            {
                foreach (var finding in byLine[number])
                {
                    AppendFinding(html, finding, indent: true);
                }
            }
        }

        html.Append("</pre>");
        foreach (var finding in view.Findings.Where(f => !f.Position.IsKnown))
        {
            html.Append("<pre style=\"margin:0\">");
            AppendFinding(html, finding, indent: false);
            html.Append("</pre>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    private static void AppendFinding(StringBuilder html, Diagnostic finding, bool indent)
    {
        var colour = finding.Severity switch
        {
            Severity.Error => Html.Red,
            Severity.SecurityWarning => Html.Red,
            Severity.Warning => Html.Amber,
            _ => "#0969da",
        };
        html.Append("<span class=\"iamlab-finding\" data-line=\"").Append(finding.Position.Line).Append("\" style=\"color:").Append(colour).Append("\">")
            .Append(indent ? "     " + new string(' ', Math.Max(0, finding.Position.Column - 1)) + "^ " : string.Empty)
            .Append(Html.Encode($"{finding.Position} {finding.SeverityName} {finding.Code}: {finding.Message}"));
        if (finding.Suggestion is { } suggestion)
        {
            html.Append(Html.Encode($" Did you mean \"{suggestion}\"?"));
        }

        html.Append(" <i>(at ").Append(Html.Encode(finding.Path)).Append(")</i></span>\n");
    }
}
