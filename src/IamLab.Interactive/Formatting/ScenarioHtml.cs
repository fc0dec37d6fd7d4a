using IamLab.Interactive.Views;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of a started scenario: title, section and summary, the files to write with their texts, and the visible checks.</summary>
public static class ScenarioHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(ScenarioView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var scenario = view.Scenario;
        var html = Html.Begin("iamlab-scenario");
        html.Append("<div style=\"font-size:15px\"><b>").Append(Html.Encode(scenario.Title)).Append("</b> <code>").Append(Html.Encode(scenario.Id)).Append("</code></div>");
        if (scenario.Section.Length > 0)
        {
            html.Append("<div><i>Article section:</i> ").Append(Html.Encode(scenario.Section)).Append("</div>");
        }

        if (scenario.Summary.Length > 0)
        {
            html.Append("<p>").Append(Html.Encode(scenario.Summary)).Append("</p>");
        }

        html.Append("<div><b>Files to write</b> (").Append(view.FromSolution ? "the reference solution is in place" : "starter texts shown")
            .Append("; write each in a <code>#!lab-policy FILE</code> cell)</div>");
        foreach (var file in scenario.Files)
        {
            html.Append("<details><summary><code>").Append(Html.Encode(file.Name)).Append("</code> — ").Append(Html.Encode(file.KindName)).Append("</summary><pre style=\"background:#f6f8fa;padding:6px\">")
                .Append(Html.Encode(view.Texts.GetValueOrDefault(file.Name, string.Empty))).Append("</pre></details>");
        }

        html.Append("<div style=\"margin-top:6px\"><b>Objectives</b> (the checks #!lab-grade runs; hidden checks are not listed)</div><table style=\"border-collapse:collapse\">");
        foreach (var check in scenario.Checks.Where(c => !c.Hidden))
        {
            html.Append("<tr><td style=\"padding:1px 10px 1px 0\"><code>").Append(Html.Encode(check.Name)).Append("</code></td><td style=\"padding:1px 10px 1px 0\">")
                .Append(check.Weight).Append(" pt</td><td>").Append(Html.Encode(check.Hint)).Append("</td></tr>");
        }

        html.Append("</table></div>");
        return html.ToString();
    }
}
