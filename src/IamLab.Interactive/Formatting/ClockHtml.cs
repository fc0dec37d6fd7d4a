using IamLab.Interactive.Views;

namespace IamLab.Interactive.Formatting;

/// <summary>The HTML of the world's clock: the time, how far it moved, and each session's time left or time since it expired.</summary>
public static class ClockHtml
{
    /// <summary>Renders <paramref name="view"/>.</summary>
    public static string Render(ClockView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = Html.Begin("iamlab-clock");
        html.Append("<div>World clock: <b>").Append(Html.Time(view.Now)).Append("</b> (moved ").Append(Html.Duration(view.Now - view.Before));
        if (view.Start is { } start)
        {
            html.Append("; scenario start + ").Append(Html.Duration(view.Now - start));
        }

        html.Append(")</div>");
        if (view.Sessions.Count == 0)
        {
            html.Append("<div style=\"color:#555\">No sessions yet.</div></div>");
            return html.ToString();
        }

        html.Append("<table class=\"iamlab-clock-sessions\" style=\"border-collapse:collapse;margin-top:4px\"><tr>")
            .Append("<th style=\"text-align:left;padding:1px 10px 1px 0\">session</th><th style=\"text-align:left;padding:1px 10px 1px 0\">issued</th>")
            .Append("<th style=\"text-align:left;padding:1px 10px 1px 0\">expires</th><th style=\"text-align:left\">now</th></tr>");
        foreach (var session in view.Sessions)
        {
            var left = session.Expiration - view.Now;
            html.Append("<tr><td style=\"padding:1px 10px 1px 0\"><code>").Append(Html.Encode(session.Arn)).Append("</code></td>")
                .Append("<td style=\"padding:1px 10px 1px 0\">").Append(Html.Time(session.Start)).Append("</td>")
                .Append("<td style=\"padding:1px 10px 1px 0\">").Append(Html.Time(session.Expiration)).Append("</td><td>")
                .Append(left > TimeSpan.Zero
                    ? $"<span class=\"iamlab-valid\" style=\"color:{Html.Green}\">valid, {Html.Duration(left)} left</span>"
                    : $"<span class=\"iamlab-expired\" style=\"color:{Html.Red}\">expired {Html.Duration(-left)} ago (ExpiredToken)</span>")
                .Append("</td></tr>");
        }

        html.Append("</table></div>");
        return html.ToString();
    }
}
