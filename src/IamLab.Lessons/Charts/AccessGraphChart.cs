using IamLab.World.Analysis;
using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>
/// Draws an <see cref="AccessGraph"/> in its <see cref="AccessGraphLayout"/>: accounts as shaded horizontal bands,
/// principals in the first column and each role to the right of those that may assume it, every node on a row of its
/// own with its label to its right; "may assume" edges as arrows from the end of the caller's label to the role (solid
/// when allowed, dashed when only under the trust policy's conditions), each labelled with the trust statement that
/// grants it (and, when conditional, its conditions).
/// </summary>
public static class AccessGraphChart
{
    private const int LabelLength = 34;
    private const double LabelWidth = 0.62;

    private static readonly bool[] EdgeKinds = [false, true];

    /// <summary>Builds the chart.</summary>
    public static GenericChart Build(AccessGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var layout = AccessGraphLayout.Of(graph);
        (double X, double Y) At(string id) => (layout.Positions[id].Column, -layout.Positions[id].Row);

        var traces = new List<Trace>();
        foreach (var kind in graph.Nodes.Select(n => n.Kind).Distinct().Order())
        {
            var group = graph.Nodes.Where(n => n.Kind == kind).ToList();
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = kind.ToString(),
                ["mode"] = "markers+text",
                ["x"] = group.Select(n => At(n.Id).X).ToArray(),
                ["y"] = group.Select(n => At(n.Id).Y).ToArray(),
                ["text"] = group.Select(n => Short(n.Label)).ToArray(),
                ["textposition"] = "middle right",
                ["hovertext"] = group.Select(n => n.Id).ToArray(),
                ["hoverinfo"] = "text",
                ["marker"] = new Dictionary<string, object> { ["size"] = 14, ["color"] = GraphNodeColours.ByKind[kind] },
            }));
        }

        var edges = graph.Edges.Where(e => layout.Positions.ContainsKey(e.From) && layout.Positions.ContainsKey(e.To)).ToList();
        var annotations = new List<object>();
        var labelX = new List<double>();
        var labelY = new List<double>();
        var labelText = new List<string>();
        var labelHover = new List<string>();
        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            var (fx, fy) = At(edge.From);
            var (tx, ty) = At(edge.To);

            // Rightward edges leave from the end of the caller's label; others (a cycle) from the marker itself.
            var startX = tx > fx ? fx + LabelWidth : fx;
            var colour = edge.Conditional ? "#bf8700" : "#1a7f37";
            annotations.Add(new Dictionary<string, object>
            {
                ["x"] = tx,
                ["y"] = ty,
                ["ax"] = startX,
                ["ay"] = fy,
                ["xref"] = "x",
                ["yref"] = "y",
                ["axref"] = "x",
                ["ayref"] = "y",
                ["showarrow"] = true,
                ["arrowhead"] = 2,
                ["arrowsize"] = 1.2,
                ["arrowwidth"] = edge.Conditional ? 1.5 : 2,
                ["standoff"] = 8,
                ["arrowcolor"] = colour,
                ["text"] = string.Empty,
            });

            // Labels sit at different points along their edges, so that edges into one role do not stack them.
            var t = 0.5 + (((i % 3) - 1) * 0.18);
            labelX.Add(startX + ((tx - startX) * t));
            labelY.Add(fy + ((ty - fy) * t));
            var because = edge.GrantedBy.Length > 0 ? edge.GrantedBy : edge.Action;
            labelText.Add(Short(because) + (edge.Conditional ? " (if…)" : string.Empty));
            labelHover.Add($"{edge.From} → {edge.To}<br>{edge.Action} granted by {because}" + (edge.Conditions.Length > 0 ? $"<br>if {edge.Conditions}" : string.Empty));
        }

        // The edges' legend entries (the arrows themselves are annotations, which have none).
        foreach (var conditional in EdgeKinds.Where(c => edges.Any(e => e.Conditional == c)))
        {
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = conditional ? "may assume if the conditions hold" : "may assume",
                ["mode"] = "lines",
                ["x"] = new object?[] { null },
                ["y"] = new object?[] { null },
                ["line"] = new Dictionary<string, object> { ["color"] = conditional ? "#bf8700" : "#1a7f37", ["dash"] = conditional ? "dash" : "solid", ["width"] = 2 },
            }));
        }

        if (labelText.Count > 0)
        {
            traces.Add(Figure.Trace("scatter", new Dictionary<string, object?>
            {
                ["name"] = "granted by (hover: conditions)",
                ["mode"] = "text",
                ["x"] = labelX.ToArray(),
                ["y"] = labelY.ToArray(),
                ["text"] = labelText.ToArray(),
                ["hovertext"] = labelHover.ToArray(),
                ["hoverinfo"] = "text",
                ["textfont"] = new Dictionary<string, object> { ["size"] = 9, ["color"] = "#6e5600" },
            }));
        }

        var shapes = layout.Bands.Select((band, i) => (object)new Dictionary<string, object>
        {
            ["type"] = "rect",
            ["xref"] = "x",
            ["yref"] = "y",
            ["x0"] = -0.35,
            ["x1"] = layout.Columns - 1 + LabelWidth + 0.2,
            ["y0"] = -band.FirstRow + 0.5,
            ["y1"] = -band.LastRow - 0.5,
            ["fillcolor"] = i % 2 == 0 ? "#f6f8fa" : "#eef1f4",
            ["line"] = new Dictionary<string, object> { ["color"] = "#d0d7de", ["width"] = 1 },
            ["layer"] = "below",
        }).ToList();
        annotations.AddRange(layout.Bands.Select(band => (object)new Dictionary<string, object>
        {
            ["x"] = -0.33,
            ["y"] = -band.FirstRow + 0.48,
            ["xref"] = "x",
            ["yref"] = "y",
            ["text"] = $"<b>{band.Label}</b>",
            ["showarrow"] = false,
            ["xanchor"] = "left",
            ["yanchor"] = "top",
            ["font"] = new Dictionary<string, object> { ["size"] = 10, ["color"] = "#57606a" },
        }));

        return Figure.Chart(traces, new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = "Who may assume which role (bands: accounts; arrows: may assume, labelled with the granting trust statement)" },
            ["width"] = Math.Max(760, 160 + (330 * layout.Columns)),
            ["height"] = Math.Max(320, 140 + (40 * layout.Rows)),
            ["xaxis"] = new Dictionary<string, object> { ["visible"] = false, ["range"] = new[] { -0.4, layout.Columns - 1 + LabelWidth + 0.25 } },
            ["yaxis"] = new Dictionary<string, object> { ["visible"] = false, ["range"] = new[] { -layout.Rows + 0.4, 0.6 } },
            ["shapes"] = shapes,
            ["annotations"] = annotations,
            ["margin"] = new Dictionary<string, object> { ["l"] = 20, ["r"] = 20, ["t"] = 60, ["b"] = 20 },
            ["showlegend"] = true,
        });
    }

    private static string Short(string text) => text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";
}
