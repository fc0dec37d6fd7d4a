using IamLab.World.Analysis;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.World.Tests.Analysis;

/// <summary>The access graph of a world with a chain, a SAML provider and a GitHub OIDC provider: edges only where the world's checks allow.</summary>
public sealed class AccessGraphFederatedWorldTests
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
}
