using IamLab.World.Analysis;
using Plotly.NET;

namespace IamLab.Interactive.Charts;

/// <summary>
/// Draws an <see cref="AccessGraph"/>: nodes on a circle grouped by kind (accounts, users, roles, providers, services),
/// "may assume" edges as arrows (solid when allowed, dashed when only under the trust policy's conditions), each
/// conditional edge labelled with its conditions at its middle.
/// </summary>
public static class AccessGraphChart
{
    private static readonly Dictionary<GraphNodeKind, string> Colours = new()
    {
        [GraphNodeKind.Account] = "#57606a",
        [GraphNodeKind.User] = "#0969da",
        [GraphNodeKind.Role] = "#8250df",
        [GraphNodeKind.SamlProvider] = "#bf8700",
        [GraphNodeKind.OidcProvider] = "#1a7f37",
        [GraphNodeKind.Service] = "#cf222e",
    };

    /// <summary>Builds the chart.</summary>
    public static GenericChart Build(AccessGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ordered = graph.Nodes.OrderBy(n => n.Kind).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var angle = (Math.PI / 2) - (2 * Math.PI * i / Math.Max(1, ordered.Count));
            position[ordered[i].Id] = (Math.Round(Math.Cos(angle), 4), Math.Round(Math.Sin(angle), 4));
        }

        var traces = new List<Trace>();
        foreach (var kind in ordered.Select(n => n.Kind).Distinct())
        {
            var group = ordered.Where(n => n.Kind == kind).ToList();
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = kind.ToString(),
                ["mode"] = "markers+text",
                ["x"] = group.Select(n => position[n.Id].X).ToArray(),
                ["y"] = group.Select(n => position[n.Id].Y).ToArray(),
                ["text"] = group.Select(n => n.Label).ToArray(),
                ["textposition"] = "top center",
                ["hovertext"] = group.Select(n => n.Id).ToArray(),
                ["hoverinfo"] = "text",
                ["marker"] = new Dictionary<string, object> { ["size"] = 16, ["color"] = Colours[kind] },
            }));
        }

        var edges = graph.Edges.Where(e => position.ContainsKey(e.From) && position.ContainsKey(e.To)).ToList();
        foreach (var conditional in new[] { false, true })
        {
            var group = edges.Where(e => e.Conditional == conditional).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            // Lines (with gaps between edges) give the legend entry and the hover; the arrow heads are annotations.
            var xs = group.SelectMany(e => new object?[] { position[e.From].X, position[e.To].X, null }).ToArray();
            var ys = group.SelectMany(e => new object?[] { position[e.From].Y, position[e.To].Y, null }).ToArray();
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = conditional ? "may assume if the conditions hold" : "may assume",
                ["mode"] = "lines",
                ["x"] = xs,
                ["y"] = ys,
                ["line"] = new Dictionary<string, object> { ["color"] = conditional ? "#bf8700" : "#1a7f37", ["dash"] = conditional ? "dash" : "solid", ["width"] = 2 },
                ["hoverinfo"] = "skip",
            }));
        }

        var labelled = edges.Where(e => e.Conditions.Length > 0).ToList();
        if (labelled.Count > 0)
        {
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = "conditions",
                ["mode"] = "text",
                ["x"] = labelled.Select(e => (position[e.From].X + position[e.To].X) / 2).ToArray(),
                ["y"] = labelled.Select(e => (position[e.From].Y + position[e.To].Y) / 2).ToArray(),
                ["text"] = labelled.Select(e => e.Conditions).ToArray(),
                ["hovertext"] = labelled.Select(e => $"{e.From} → {e.To} ({e.Action})<br>if {e.Conditions}").ToArray(),
                ["hoverinfo"] = "text",
                ["textfont"] = new Dictionary<string, object> { ["size"] = 10, ["color"] = "#6e5600" },
            }));
        }

        var arrows = edges.Select(e => (object)new Dictionary<string, object>
        {
            ["x"] = position[e.To].X,
            ["y"] = position[e.To].Y,
            ["ax"] = position[e.From].X,
            ["ay"] = position[e.From].Y,
            ["xref"] = "x",
            ["yref"] = "y",
            ["axref"] = "x",
            ["ayref"] = "y",
            ["showarrow"] = true,
            ["arrowhead"] = 2,
            ["arrowsize"] = 1.3,
            ["standoff"] = 9,
            ["arrowcolor"] = e.Conditional ? "#bf8700" : "#1a7f37",
            ["text"] = string.Empty,
        }).ToList();

        var axis = new Dictionary<string, object> { ["visible"] = false, ["range"] = new[] { -1.5, 1.5 } };
        return Figure.Chart(traces, new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = "Who may assume which role" },
            ["xaxis"] = axis,
            ["yaxis"] = new Dictionary<string, object> { ["visible"] = false, ["range"] = new[] { -1.5, 1.5 }, ["scaleanchor"] = "x" },
            ["annotations"] = arrows,
            ["height"] = 640,
            ["showlegend"] = true,
        });
    }
}
