using System.Globalization;
using System.Text;
using IamLab.World.Analysis;

namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// The role chains a world allows, drawn as inline SVG: every path from a principal that is not a role (a user, an
/// account, an identity provider, a service) through the roles it may assume in turn, one row of boxes per chain, the
/// longest first, each arrow labelled with the statement that grants the hop (dashed when only under conditions).
/// </summary>
public static class RoleChainSvg
{
    /// <summary>At most this many chains are drawn (the longest).</summary>
    public const int MaxChains = 12;

    private const int MaxHops = 5;
    private const int BoxWidth = 190;
    private const int Gap = 90;
    private const int RowHeight = 56;
    private const int LabelLength = 28;

    /// <summary>Every chain: the nodes in order (at least two) and the edges between them; the longest first, at most <see cref="MaxChains"/>.</summary>
    public static IReadOnlyList<(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)> ChainsOf(AccessGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var outgoing = graph.Edges.Where(e => nodes.ContainsKey(e.From) && nodes.ContainsKey(e.To) && e.From != e.To).ToLookup(e => e.From, StringComparer.Ordinal);
        var chains = new List<(IReadOnlyList<GraphNode>, IReadOnlyList<GraphEdge>)>();
        void Walk(List<GraphNode> path, List<GraphEdge> edges)
        {
            var extended = false;
            if (edges.Count < MaxHops)
            {
                foreach (var edge in outgoing[path[^1].Id].Where(e => path.All(n => n.Id != e.To)))
                {
                    extended = true;
                    path.Add(nodes[edge.To]);
                    edges.Add(edge);
                    Walk(path, edges);
                    path.RemoveAt(path.Count - 1);
                    edges.RemoveAt(edges.Count - 1);
                }
            }

            if (!extended && edges.Count > 0)
            {
                chains.Add(([.. path], [.. edges]));
            }
        }

        foreach (var start in graph.Nodes.Where(n => n.Kind != GraphNodeKind.Role).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            Walk([start], []);
        }

        return chains.OrderByDescending(c => c.Item2.Count).ThenBy(c => string.Join(">", c.Item1.Select(n => n.Id)), StringComparer.Ordinal).Take(MaxChains).ToList();
    }

    /// <summary>The SVG element, or a sentence when the world allows no assumption at all.</summary>
    public static string Render(AccessGraph graph)
    {
        var chains = ChainsOf(graph);
        if (chains.Count == 0)
        {
            return "<p class=\"muted\">No principal may assume any role in this world.</p>";
        }

        var longest = chains.Max(c => c.Nodes.Count);
        var width = 20 + (longest * (BoxWidth + Gap));
        var height = 10 + (chains.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"iamlab-role-chains\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">")
            .Append("<title>Role chains</title>")
            .Append("<defs><marker id=\"chain-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>");
        for (var row = 0; row < chains.Count; row++)
        {
            var (nodes, edges) = chains[row];
            var y = 10 + (row * RowHeight);
            for (var i = 0; i < nodes.Count; i++)
            {
                var x = 10 + (i * (BoxWidth + Gap));
                var (fill, border) = i == 0 ? ("#fff8c5", "#9a6700") : ("#ddf4ff", "#0969da");
                svg.Append("<g class=\"hop\"><title>").Append(HtmlPage.Text($"{nodes[i].Kind}: {nodes[i].Id}")).Append("</title>")
                    .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"34\" rx=\"5\" fill=\"{fill}\" stroke=\"{border}\" stroke-width=\"2\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 8}\" y=\"{y + 21}\" font-size=\"12\">{HtmlPage.Text(Short(nodes[i].Label))}</text></g>");
                if (i < edges.Count)
                {
                    var edge = edges[i];
                    var because = edge.GrantedBy.Length > 0 ? edge.GrantedBy : edge.Action;
                    svg.Append("<g class=\"call\"><title>").Append(HtmlPage.Text($"{edge.Action} granted by {because}" + (edge.Conditions.Length > 0 ? $" if {edge.Conditions}" : string.Empty))).Append("</title>")
                        .Append(CultureInfo.InvariantCulture, $"<path d=\"M{x + BoxWidth},{y + 17} L{x + BoxWidth + Gap - 2},{y + 17}\" stroke=\"{(edge.Conditional ? "#bf8700" : "#1a7f37")}\" stroke-width=\"2\" marker-end=\"url(#chain-arrow)\"{(edge.Conditional ? " stroke-dasharray=\"6 4\"" : string.Empty)}/>")
                        .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BoxWidth + (Gap / 2)}\" y=\"{y + 11}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#6e5600\">{HtmlPage.Text(Short(edge.Action, 16))}</text></g>");
                }
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Short(string text, int length = LabelLength) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
