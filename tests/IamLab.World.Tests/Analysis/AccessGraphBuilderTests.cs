using IamLab.World.Analysis;

namespace IamLab.World.Tests.Analysis;

/// <summary>Who may assume whom, worked out by the world from its own checks' explanations.</summary>
public class AccessGraphBuilderTests
{
    private const string AliceArn = "arn:aws:iam::111111111111:user/alice";

    [Fact]
    public void TrustWithACondition_GivesConditionalEdges_ToTheAccountAndItsAllowedUser()
    {
        var lab = new Article().WithCrossAccountRole();

        var graph = AccessGraphBuilder.Build(lab.World);

        var alice = Assert.Single(graph.Edges, e => e.From == AliceArn && e.To == Article.CrossAccountRoleArn);
        Assert.True(alice.Conditional);
        Assert.Equal("StringEquals sts:ExternalId = unique-external-id-12345", alice.Conditions);
        Assert.Equal("sts:AssumeRole", alice.Action);
        Assert.Equal("trust statement 0", alice.GrantedBy);
        Assert.True(Assert.Single(graph.Edges, e => e.From == "arn:aws:iam::111111111111:root").Conditional);
        Assert.DoesNotContain(graph.Edges, e => e.From == "arn:aws:iam::999999999999:root");
    }

    [Fact]
    public void CallerWithoutAnIdentityAllow_HasNoEdge_EvenWhenTheTrustNamesItsAccount()
    {
        var lab = new Article();
        _ = lab.Prod9.CreateRole("CrossAccountS3Access", Article.CrossAccountTrust).Value;

        var graph = AccessGraphBuilder.Build(lab.World);

        Assert.DoesNotContain(graph.Edges, e => e.From == AliceArn);
        Assert.Contains(graph.Nodes, n => n.Id == AliceArn && n.Kind == GraphNodeKind.User);
    }

    [Fact]
    public void AnScpDeny_RemovesTheEdge()
    {
        var lab = new Article().WithCrossAccountRole();
        var org = lab.World.Organizations.CreateOrganization(Article.Prod).Value;
        var ou = lab.World.Organizations.CreateOrganizationalUnit("Dev", org.RootId).Value;
        _ = lab.World.Organizations.MoveAccount(Article.Dev, ou.Id).Value;
        _ = lab.World.Organizations.AttachServiceControlPolicy(ou.Id, """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""").Value;

        var graph = AccessGraphBuilder.Build(lab.World);

        Assert.DoesNotContain(graph.Edges, e => e.From == AliceArn);
    }

    [Fact]
    public void UnconditionalTrust_GivesAPlainEdgeWithoutConditions()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("Ec2Role", Article.Ec2Trust).Value;

        var edge = Assert.Single(AccessGraphBuilder.Build(lab.World).Edges, e => e.To == "arn:aws:iam::111111111111:role/Ec2Role");

        Assert.Equal("ec2.amazonaws.com", edge.From);
        Assert.False(edge.Conditional);
        Assert.Equal(string.Empty, edge.Conditions);
        Assert.Equal("trust statement 0", edge.GrantedBy);
    }
}
