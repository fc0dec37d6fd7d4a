using System.Globalization;

using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>
/// Draws a <see cref="SessionTimeline"/> on the world's clock: a horizontal bar per session from start to expiry (grey once
/// expired), a marker at each session's cap (its role's MaxSessionDuration), for chained sessions a dashed red line at
/// start + 1 h, the cap AWS puts on role chaining, an arrow from each parent session to the session made with it (at the
/// moment it was made), and a dotted line at the world's time now.
/// </summary>
public static class SessionTimelineChart
{
    /// <summary>The legend name of the chaining cap lines.</summary>
    public const string ChainingCapName = "1 h cap on chained sessions";

    /// <summary>Builds the chart.</summary>
    public static GenericChart Build(SessionTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var bars = timeline.Bars;
        var labels = bars.Select((b, i) => $"{i + 1}. {b.Label}").ToArray();
        var traces = new List<Trace>
        {
            Figure.Trace("bar", new Dictionary<string, object?>
            {
                ["name"] = "session",
                ["orientation"] = "h",
                ["y"] = labels,
                ["base"] = bars.Select(b => IamLab.Lessons.Text.Times.Iso(b.Start)).ToArray(),
                ["x"] = bars.Select(b => (b.Expiration - b.Start).TotalMilliseconds).ToArray(),
                ["marker"] = new Dictionary<string, object> { ["color"] = bars.Select(b => b.Expiration <= timeline.Now ? "#8c959f" : b.IsChained ? "#bf8700" : "#0969da").ToArray() },
                ["text"] = bars.Select(b => $"{b.Source}, {IamLab.Lessons.Text.Times.Duration(b.Expiration - b.Start)}{(b.Expiration <= timeline.Now ? ", expired" : string.Empty)}").ToArray(),
                ["textposition"] = "inside",
                ["hovertext"] = bars.Select(b => $"{b.Arn}<br>{b.Source}<br>{IamLab.Lessons.Text.Times.Iso(b.Start)} → {IamLab.Lessons.Text.Times.Iso(b.Expiration)}").ToArray(),
                ["hoverinfo"] = "text",
            }),
            Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = "cap (MaxSessionDuration, or 1 h when chained)",
                ["mode"] = "markers",
                ["y"] = labels,
                ["x"] = bars.Select(b => IamLab.Lessons.Text.Times.Iso(b.Start.AddSeconds(b.CapSeconds))).ToArray(),
                ["marker"] = new Dictionary<string, object> { ["symbol"] = "line-ns-open", ["size"] = 18, ["color"] = "#57606a" },
                ["hovertext"] = bars.Select(b => string.Create(CultureInfo.InvariantCulture, $"cap {b.CapSeconds} s")).ToArray(),
                ["hoverinfo"] = "text",
            }),
        };

        var chained = bars.Select((b, i) => (Bar: b, Index: i)).Where(x => x.Bar.IsChained).ToList();
        if (chained.Count > 0)
        {
            // A legend entry for the cap lines, which are layout shapes and have none of their own.
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = ChainingCapName,
                ["mode"] = "lines",
                ["x"] = chained.Select(c => IamLab.Lessons.Text.Times.Iso(c.Bar.Start + TimelineBar.ChainingCap)).ToArray(),
                ["y"] = chained.Select(c => labels[c.Index]).ToArray(),
                ["line"] = new Dictionary<string, object> { ["color"] = ChartColours.Red, ["dash"] = "dash", ["width"] = 2 },
                ["hoverinfo"] = "skip",
            }));
        }

        var shapes = chained.Select(c => (object)new Dictionary<string, object>
        {
            ["type"] = "line",
            ["xref"] = "x",
            ["yref"] = "y",
            ["x0"] = IamLab.Lessons.Text.Times.Iso(c.Bar.Start + TimelineBar.ChainingCap),
            ["x1"] = IamLab.Lessons.Text.Times.Iso(c.Bar.Start + TimelineBar.ChainingCap),
            ["y0"] = c.Index - 0.45,
            ["y1"] = c.Index + 0.45,
            ["line"] = new Dictionary<string, object> { ["color"] = ChartColours.Red, ["dash"] = "dash", ["width"] = 2 },
        }).ToList();
        shapes.Add(new Dictionary<string, object>
        {
            ["type"] = "line",
            ["xref"] = "x",
            ["yref"] = "paper",
            ["x0"] = IamLab.Lessons.Text.Times.Iso(timeline.Now),
            ["x1"] = IamLab.Lessons.Text.Times.Iso(timeline.Now),
            ["y0"] = 0,
            ["y1"] = 1,
            ["line"] = new Dictionary<string, object> { ["color"] = "#57606a", ["dash"] = "dot", ["width"] = 1 },
        });

        // Parent links: from the parent's bar, at the moment the child was made, to the child's bar.
        var links = bars.Select((b, i) => (Bar: b, Index: i)).Where(x => x.Bar.ParentIndex is not null).Select(x => (object)new Dictionary<string, object>
        {
            ["x"] = IamLab.Lessons.Text.Times.Iso(x.Bar.Start),
            ["y"] = labels[x.Index],
            ["ax"] = IamLab.Lessons.Text.Times.Iso(x.Bar.Start),
            ["ay"] = labels[x.Bar.ParentIndex!.Value],
            ["xref"] = "x",
            ["yref"] = "y",
            ["axref"] = "x",
            ["ayref"] = "y",
            ["showarrow"] = true,
            ["arrowhead"] = 3,
            ["arrowwidth"] = 2,
            ["arrowcolor"] = "#6e7781",
            ["text"] = string.Empty,
            ["hovertext"] = $"{bars[x.Bar.ParentIndex!.Value].Label} made {x.Bar.Label}",
        }).ToList();

        return Figure.Chart(traces, new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = $"Role sessions on the world's clock, start to expiry (dotted line: now, {IamLab.Lessons.Text.Times.Iso(timeline.Now)}; arrows: made with)" },
            ["annotations"] = links,
            ["xaxis"] = new Dictionary<string, object> { ["type"] = "date", ["title"] = new Dictionary<string, object> { ["text"] = "time (UTC)" } },
            ["yaxis"] = new Dictionary<string, object> { ["type"] = "category", ["autorange"] = "reversed" },
            ["shapes"] = shapes,
            ["height"] = Math.Max(260, 90 + (55 * bars.Count)),
            ["barmode"] = "overlay",
            ["showlegend"] = true,
        });
    }
}
