using IamLab.Interactive.Views;
using IamLab.World.Events;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of <c>#!lab-events</c>: a table with one row per call (failed calls in red), or the CloudTrail records.</summary>
public static class EventsHtml
{
    private static readonly string[] Headers = ["time", "call", "caller", "source identity", "from", "result", "target"];

    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(EventsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = Html.Begin("iamlab-events");
        html.Append("<div>").Append(view.Events.Count).Append(view.Events.Count == 1 ? " event" : " events").Append(" shown of ").Append(view.Kept).Append(" kept");
        if (view.Dropped > 0)
        {
            html.Append(" (").Append(view.Dropped).Append(" older ones let go)");
        }

        html.Append(".</div>");
        if (view.Json)
        {
            foreach (var e in view.Events)
            {
                html.Append("<pre class=\"iamlab-event-json\" style=\"margin:2px 0\">").Append(Html.Encode(TrailJson.ToLine(e))).Append("</pre>");
            }

            return html.Append("</div>").ToString();
        }

        if (view.Events.Count == 0)
        {
            return html.Append("</div>").ToString();
        }

        html.Append("<table class=\"iamlab-events-table\" style=\"border-collapse:collapse;margin-top:4px\"><tr>");
        foreach (var header in Headers)
        {
            html.Append("<th style=\"text-align:left;padding:1px 10px 1px 0\">").Append(header).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var e in view.Events)
        {
            var row = TrailTable.Row(e);
            html.Append(e.ErrorCode is null ? "<tr>" : $"<tr class=\"iamlab-event-failed\" style=\"color:{Html.Red}\">");
            foreach (var cell in row)
            {
                html.Append("<td style=\"padding:1px 10px 1px 0\"><code>").Append(Html.Encode(cell)).Append("</code></td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table></div>").ToString();
    }
}
