using IamLab.Policy.Model;

namespace IamLab.World.Analysis;

/// <summary>
/// A layered layout (drawn by the notebooks' Plotly chart and the grader's HTML report alike) of an <see cref="AccessGraph"/>, readable at thirty nodes: principals in the first column, each role
/// one column to the right of the furthest principal that may assume it (so an arrow points rightwards, except within
/// a cycle of roles that trust each other), and the accounts as horizontal bands, each node on a row of its own, so
/// that no two labels share a place. AWS services, which belong to no account, get a band of their own at the top.
/// </summary>
/// <param name="Positions">Each node's column (x) and row (y, 0 at the top, growing downwards).</param>
/// <param name="Bands">Each account's band: its label and first and last row.</param>
/// <param name="Columns">How many columns there are.</param>
/// <param name="Rows">How many rows there are.</param>
public sealed record AccessGraphLayout(IReadOnlyDictionary<string, (int Column, int Row)> Positions, IReadOnlyList<(string Label, int FirstRow, int LastRow)> Bands, int Columns, int Rows)
{
    /// <summary>Lays <paramref name="graph"/> out.</summary>
    public static AccessGraphLayout Of(AccessGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var column = ColumnsOf(graph);

        // Bands: the services first, then one per account in account order; in a band, by column, then kind, then name.
        var bands = new List<(string Label, int FirstRow, int LastRow)>();
        var positions = new Dictionary<string, (int Column, int Row)>(StringComparer.Ordinal);
        var row = 0;
        foreach (var band in graph.Nodes.GroupBy(AccountOf).OrderBy(g => g.Key.Length == 0 ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = row;
            foreach (var node in band.OrderBy(n => column[n.Id]).ThenBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal))
            {
                positions[node.Id] = (column[node.Id], row++);
            }

            bands.Add((band.Key.Length == 0 ? "AWS services" : $"account {band.Key}", first, row - 1));
        }

        return new AccessGraphLayout(positions, bands, column.Count == 0 ? 1 : column.Values.Max() + 1, Math.Max(1, row));
    }

    /// <summary>The account a node belongs to, from its ARN (empty for a service principal).</summary>
    public static string AccountOf(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Arn.AccountOf(node.Id) ?? string.Empty;
    }

    /// <summary>
    /// Column 0 for every principal that is not a role; a role's column is one more than the largest column of the
    /// principals that may assume it. Edges that close a cycle (roles that trust each other) are left out of the count,
    /// found by a depth-first walk from the principals.
    /// </summary>
    private static Dictionary<string, int> ColumnsOf(AccessGraph graph)
    {
        var outgoing = graph.Nodes.ToDictionary(n => n.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in graph.Edges.Where(e => outgoing.ContainsKey(e.From) && outgoing.ContainsKey(e.To) && e.From != e.To))
        {
            outgoing[edge.From].Add(edge.To);
        }

        // Depth-first, principals first: an edge to a node still on the walk's path closes a cycle.
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var forward = new List<(string From, string To)>();
        var order = new List<string>();
        void Visit(string id)
        {
            state[id] = 1;
            foreach (var next in outgoing[id])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    continue;
                }

                forward.Add((id, next));
                if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            state[id] = 2;
            order.Add(id);
        }

        foreach (var node in graph.Nodes.OrderBy(n => n.Kind == GraphNodeKind.Role ? 1 : 0).ThenBy(n => n.Id, StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node.Id) == 0)
            {
                Visit(node.Id);
            }
        }

        // Longest path over the forward edges, in topological order (the reverse of the finishing order).
        var column = graph.Nodes.ToDictionary(n => n.Id, n => n.Kind == GraphNodeKind.Role ? 1 : 0, StringComparer.Ordinal);
        var byFrom = forward.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            foreach (var next in byFrom[order[i]])
            {
                column[next] = Math.Max(column[next], column[order[i]] + 1);
            }
        }

        // Close the gaps, so that columns are 0, 1, 2, ... in order.
        var used = column.Values.Distinct().Order().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return column.ToDictionary(kv => kv.Key, kv => used[kv.Value], StringComparer.Ordinal);
    }
}
