using IamLab.World.Analysis;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.World.Tests.Analysis;

/// <summary>Where the access graph puts each node: principals left of the roles they may assume, accounts as bands.</summary>
public sealed class AccessGraphLayoutTests
{
    [Fact]
    public void Principals_sit_left_of_the_roles_they_may_assume_and_every_node_has_its_own_row()
    {
        var graph = AccessGraphBuilder.Build(Federated());

        var layout = AccessGraphLayout.Of(graph);

        Assert.All(graph.Edges.Where(e => e.From != e.To), e => Assert.True(layout.Positions[e.From].Column < layout.Positions[e.To].Column, $"{e.From} → {e.To}"));
        Assert.Equal(graph.Nodes.Count, layout.Positions.Values.Select(p => p.Row).Distinct().Count());
        Assert.Equal(graph.Nodes.Count, layout.Rows);
        Assert.Equal(0, layout.Positions[Dev].Column);
        Assert.Equal(1, layout.Positions[CrossRole].Column);
        Assert.Equal(2, layout.Positions[ReadOnlyRole].Column);
    }

    [Fact]
    public void Accounts_are_bands_of_consecutive_rows_and_each_node_lies_in_its_accounts_band()
    {
        var graph = AccessGraphBuilder.Build(Federated());

        var layout = AccessGraphLayout.Of(graph);

        Assert.Equal(layout.Bands.OrderBy(b => b.FirstRow).ToList(), layout.Bands);
        Assert.All(layout.Bands.Zip(layout.Bands.Skip(1)), pair => Assert.Equal(pair.First.LastRow + 1, pair.Second.FirstRow));
        foreach (var node in graph.Nodes)
        {
            var account = AccessGraphLayout.AccountOf(node);
            var band = Assert.Single(layout.Bands, b => b.Label == (account.Length == 0 ? "AWS services" : $"account {account}"));
            Assert.InRange(layout.Positions[node.Id].Row, band.FirstRow, band.LastRow);
        }
    }

    [Fact]
    public void Roles_that_trust_each_other_do_not_stretch_the_layout()
    {
        // A → B → C → A: the walk from the user leaves out the edge that closes the cycle.
        GraphNode Role(string name) => new($"arn:aws:iam::111111111111:role/{name}", $"role {name}", GraphNodeKind.Role);
        var user = new GraphNode("arn:aws:iam::111111111111:user/u", "user u", GraphNodeKind.User);
        GraphNode[] nodes = [user, Role("A"), Role("B"), Role("C")];
        GraphEdge Edge(GraphNode from, GraphNode to) => new(from.Id, to.Id, "sts:AssumeRole", false, string.Empty);
        var graph = new AccessGraph(nodes, [Edge(user, nodes[1]), Edge(nodes[1], nodes[2]), Edge(nodes[2], nodes[3]), Edge(nodes[3], nodes[1])]);

        var layout = AccessGraphLayout.Of(graph);

        Assert.Equal([0, 1, 2, 3], nodes.Select(n => layout.Positions[n.Id].Column));
        Assert.Equal(4, layout.Columns);
    }

    [Fact]
    public void Thirty_nodes_fit_one_row_each()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => new GraphNode($"arn:aws:iam::11111111111{i % 2}:user/u{i}", $"user u{i}", GraphNodeKind.User))
            .Concat(Enumerable.Range(0, 20).Select(i => new GraphNode($"arn:aws:iam::11111111111{i % 2}:role/r{i}", $"role r{i}", GraphNodeKind.Role)))
            .ToList();
        var edges = Enumerable.Range(0, 20).Select(i => new GraphEdge(nodes[i % 10].Id, nodes[10 + i].Id, "sts:AssumeRole", i % 3 == 0, string.Empty) { GrantedBy = $"trust statement {i % 2}" })
            .Concat(Enumerable.Range(0, 5).Select(i => new GraphEdge(nodes[10 + i].Id, nodes[25 + i].Id, "sts:AssumeRole", false, string.Empty)))
            .ToList();
        var graph = new AccessGraph(nodes, edges);

        var layout = AccessGraphLayout.Of(graph);

        Assert.Equal(30, layout.Positions.Values.Select(p => p.Row).Distinct().Count());
        Assert.Equal(3, layout.Columns);
    }
}
