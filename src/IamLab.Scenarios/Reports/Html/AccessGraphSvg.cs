using System.Globalization;
using System.Text;
using IamLab.World.Analysis;

namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// Draws an <see cref="AccessGraph"/> as inline SVG in its <see cref="AccessGraphLayout"/> (the notebooks' Plotly chart
/// draws the same layout): accounts as bands, principals left of the roles they may assume, an arrow per "may assume"
/// (solid when allowed, dashed when only under the trust policy's conditions) labelled with the granting statement,
/// and the whole edge and its conditions as the arrow's tooltip.
/// </summary>
public static class AccessGraphSvg
{
    private const int ColumnWidth = 300;
    private const int RowHeight = 34;
    private const int Left = 24;
    private const int Top = 30;
    private const int LabelLength = 34;

    /// <summary>The SVG element (every label escaped).</summary>
    public static string Render(AccessGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var layout = AccessGraphLayout.Of(graph);
        var width = Left + (layout.Columns * ColumnWidth) + 40;
        var height = Top + (layout.Rows * RowHeight) + 10;
        (int X, int Y) At(string id) => (Left + 20 + (layout.Positions[id].Column * ColumnWidth), Top + (layout.Positions[id].Row * RowHeight) + (RowHeight / 2));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"iamlab-access-graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">")
            .Append("<title>Who may assume which role</title>")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>");
        for (var i = 0; i < layout.Bands.Count; i++)
        {
            var (label, first, last) = layout.Bands[i];
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"4\" y=\"{Top + (first * RowHeight)}\" width=\"{width - 8}\" height=\"{(last - first + 1) * RowHeight}\" fill=\"{(i % 2 == 0 ? "#f6f8fa" : "#eef1f4")}\" stroke=\"#d0d7de\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{Top + (first * RowHeight) - 4}\" font-size=\"11\" fill=\"#57606a\" font-weight=\"600\">{HtmlPage.Text(label)}</text>");
        }

        foreach (var edge in graph.Edges.Where(e => layout.Positions.ContainsKey(e.From) && layout.Positions.ContainsKey(e.To)))
        {
            var (fx, fy) = At(edge.From);
            var (tx, ty) = At(edge.To);
            var startX = tx > fx ? fx + 8 + (int)(LabelLength * 6.2) : fx;
            var colour = edge.Conditional ? "#bf8700" : "#1a7f37";
            var because = edge.GrantedBy.Length > 0 ? edge.GrantedBy : edge.Action;
            var tooltip = $"{edge.From} → {edge.To}: {edge.Action} granted by {because}" + (edge.Conditions.Length > 0 ? $" if {edge.Conditions}" : string.Empty);
            svg.Append("<g class=\"edge\"><title>").Append(HtmlPage.Text(tooltip)).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<path d=\"M{startX},{fy} L{tx - 8},{ty}\" stroke=\"{colour}\" stroke-width=\"2\" fill=\"none\" marker-end=\"url(#arrow)\"{(edge.Conditional ? " stroke-dasharray=\"6 4\"" : string.Empty)}/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{(startX + tx) / 2}\" y=\"{((fy + ty) / 2) - 4}\" font-size=\"9\" fill=\"#6e5600\" text-anchor=\"middle\">{HtmlPage.Text(Short(because) + (edge.Conditional ? " (if…)" : string.Empty))}</text></g>");
        }

        foreach (var node in graph.Nodes.Where(n => layout.Positions.ContainsKey(n.Id)))
        {
            var (x, y) = At(node.Id);
            svg.Append("<g class=\"node\"><title>").Append(HtmlPage.Text($"{node.Kind}: {node.Id}")).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"7\" fill=\"{GraphNodeColours.ByKind.GetValueOrDefault(node.Kind, "#57606a")}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 12}\" y=\"{y + 4}\" font-size=\"12\">{HtmlPage.Text(Short(node.Label))}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Short(string text) => text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";
}
