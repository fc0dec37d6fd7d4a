using IamLab.Interactive.Charts;
using IamLab.Lessons.Charts;
using IamLab.World.Analysis;
using IamLab.Interactive.Tests.Extension;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Charts;

[Collection(KernelTestGroup.Name)]
public sealed class ChartTests
{
    [Fact]
    public void Access_graph_edges_come_from_the_engine()
    {
        var graph = AccessGraphBuilder.Build(Federated());

        // The trust of CrossAccountS3Access names 111111111111 with an ExternalId condition: the account and its user dev
        // (whose identity policy allows sts:AssumeRole) may assume it only under that condition.
        var fromAccount = Assert.Single(graph.Edges, e => e.From == "arn:aws:iam::111111111111:root" && e.To == CrossRole);
        Assert.True(fromAccount.Conditional);
        Assert.Equal("StringEquals sts:ExternalId = unique-external-id-12345", fromAccount.Conditions);
        Assert.True(Assert.Single(graph.Edges, e => e.From == Dev && e.To == CrossRole).Conditional);

        // ReadOnly trusts CrossAccountS3Access, whose policy allows assuming it: a plain edge.
        var chain = Assert.Single(graph.Edges, e => e.From == CrossRole && e.To == ReadOnlyRole);
        Assert.False(chain.Conditional);

        // The SAML provider may call AssumeRoleWithSAML on the federated role only when SAML:aud holds (a claim of the assertion).
        var saml = Assert.Single(graph.Edges, e => e.From == SamlProvider);
        Assert.Equal("sts:AssumeRoleWithSAML", saml.Action);
        Assert.Equal(SamlRole, saml.To);

        // Nobody else may assume ReadOnly, and dev may not assume the federated roles.
        Assert.DoesNotContain(graph.Edges, e => e.To == ReadOnlyRole && e.From != CrossRole);
        Assert.DoesNotContain(graph.Edges, e => e.From == Dev && (e.To == SamlRole || e.To == GitHubRole));
        Assert.Contains(graph.Nodes, n => n.Kind == GraphNodeKind.OidcProvider);
    }

    [Fact]
    public void Decision_matrix_asks_the_whole_policy_stack()
    {
        var matrix = DecisionMatrix.Build(CrossAccount(), [Dev, CrossRole], ["s3:GetObject", "s3:DeleteObject"], "arn:aws:s3:::shared-data-999/public/a.csv");

        Assert.Equal(["implicitDeny", "implicitDeny"], matrix.Decisions[0]);
        Assert.Equal(["allowed", "implicitDeny"], matrix.Decisions[1]);
    }

    [Fact]
    public void Timeline_marks_chained_sessions()
    {
        var world = CrossAccount();
        var dev = world.Iam(Caller).CreateAccessKey("dev").Value;
        var first = world.Sts.AssumeRole(dev, new IamLab.World.Sts.AssumeRoleRequest(CrossRole, "one") { ExternalId = ExternalId }).Value;
        world.Sts.AssumeRole(first.Credentials, new IamLab.World.Sts.AssumeRoleRequest(ReadOnlyRole, "two"));

        var timeline = SessionTimeline.Of(world.Sts.Sessions.Values, Start);

        Assert.Equal(["CrossAccountS3Access/one", "ReadOnly/two"], timeline.Bars.Select(b => b.Label));
        Assert.Equal([false, true], timeline.Bars.Select(b => b.IsChained));
        Assert.Equal(3600, timeline.Bars[1].CapSeconds);
    }

    [Fact]
    public void Chart_html_inlines_plotly_and_keeps_labels_from_closing_the_script()
    {
        var matrix = new DecisionMatrix(["</script><b>x</b>"], ["s3:GetObject"], "arn:aws:s3:::b/k", [["allowed"]]);
        var chart = DecisionMatrixChart.Build(matrix);

        var withScript = OfflineChartFormatter.ToHtml(chart, includeScript: true);
        var without = OfflineChartFormatter.ToHtml(chart, includeScript: false);

        Assert.Contains("(function(define, module, exports){", withScript);
        Assert.DoesNotContain("(function(define, module, exports){", without);
        Assert.True(withScript.Length > 3_000_000);
        Assert.True(without.Length < 100_000);
        Assert.DoesNotContain("</script><b>", without);
        Assert.Contains("\\u003c/script>\\u003cb>x\\u003c/b>", without);
        Assert.Contains("\"z\":[[1]]", without);
    }
}
