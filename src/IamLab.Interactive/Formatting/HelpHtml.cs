using IamLab.Interactive.Views;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of <c>--help</c> (one command, with its parameters) and of <c>#!lab-help</c> (every command).</summary>
public static class HelpHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(HelpView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = Html.Begin("iamlab-help");
        if (!view.Detailed)
        {
            html.Append("<div><b>IamLab notebook commands</b> (each takes <code>--help</code>; see docs/notebook-commands.md)</div><table style=\"border-collapse:collapse\">");
            foreach (var directive in view.Directives)
            {
                html.Append("<tr><td style=\"padding:1px 12px 1px 0\"><code>").Append(Html.Encode(directive.Name)).Append("</code></td><td>")
                    .Append(Html.Encode(directive.Summary)).Append("</td></tr>");
            }

            html.Append("</table></div>");
            return html.ToString();
        }

        foreach (var directive in view.Directives)
        {
            html.Append("<div><code>").Append(Html.Encode(directive.Usage)).Append("</code></div><p>").Append(Html.Encode(directive.Description)).Append("</p>");
            html.Append("<table style=\"border-collapse:collapse\">");
            foreach (var parameter in directive.Parameters)
            {
                html.Append("<tr><td style=\"padding:1px 12px 1px 0\"><code>").Append(Html.Encode(parameter.Usage)).Append("</code></td><td>")
                    .Append(Html.Encode(parameter.Description)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>The same as plain text, for hosts that show text.</summary>
    public static string RenderText(HelpView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!view.Detailed)
        {
            return string.Join('\n', view.Directives.Select(d => $"{d.Name,-20} {d.Summary}"));
        }

        return string.Join("\n\n", view.Directives.Select(d =>
            $"{d.Usage}\n{d.Description}\n" + string.Join('\n', d.Parameters.Select(p => $"  {p.Usage,-28} {p.Description}"))));
    }
}
