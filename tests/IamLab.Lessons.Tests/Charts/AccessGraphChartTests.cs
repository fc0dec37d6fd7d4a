using IamLab.Lessons.Charts;
using IamLab.World.Analysis;

namespace IamLab.Lessons.Tests.Charts;

/// <summary>The access graph drawn as a Plotly chart: one row per node, so the chart's height grows with the graph.</summary>
public sealed class AccessGraphChartTests
{
    [Fact]
    public void Thirty_nodes_make_the_chart_grow_to_hold_one_row_each()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => new GraphNode($"arn:aws:iam::11111111111{i % 2}:user/u{i}", $"user u{i}", GraphNodeKind.User))
            .Concat(Enumerable.Range(0, 20).Select(i => new GraphNode($"arn:aws:iam::11111111111{i % 2}:role/r{i}", $"role r{i}", GraphNodeKind.Role)))
            .ToList();
        var edges = Enumerable.Range(0, 20).Select(i => new GraphEdge(nodes[i % 10].Id, nodes[10 + i].Id, "sts:AssumeRole", i % 3 == 0, string.Empty) { GrantedBy = $"trust statement {i % 2}" })
            .Concat(Enumerable.Range(0, 5).Select(i => new GraphEdge(nodes[10 + i].Id, nodes[25 + i].Id, "sts:AssumeRole", false, string.Empty)))
            .ToList();

        var html = Plotly.NET.GenericChart.toChartHTML(AccessGraphChart.Build(new AccessGraph(nodes, edges)));

        Assert.Contains("\"height\":1340", html);
        Assert.Contains("trust statement 1", html);
    }
}
