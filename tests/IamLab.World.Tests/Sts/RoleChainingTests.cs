using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

public class RoleChainingTests
{
    private const string RoleA = "arn:aws:iam::111111111111:role/RoleA";
    private const string RoleB = "arn:aws:iam::111111111111:role/RoleB";
    private const string AssumeAndPassSourceIdentity = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""";

    private static (Article Lab, Credentials RoleASession) Chain()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("RoleA", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""", maxSessionDuration: 43200).Value;
        _ = lab.Dev1.PutRolePolicy("RoleA", "AssumeB", AssumeAndPassSourceIdentity).Value;
        _ = lab.Dev1.CreateRole("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/RoleA"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""", maxSessionDuration: 43200).Value;
        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "alice")
        {
            DurationSeconds = 43200,
            SourceIdentity = "alice",
            Tags = [new Tag("team", "blue"), new Tag("cost", "42")],
            TransitiveTagKeys = ["team"],
        }).Value;
        return (lab, a.Credentials);
    }

    [Fact]
    public void FirstHop_MayLast12Hours()
    {
        var (lab, a) = Chain();

        Assert.Equal(lab.Clock.GetUtcNow().AddHours(12), a.Expiration);
    }

    [Fact]
    public void SecondHop_Above3600Seconds_RefusedWithAwsText()
    {
        var (lab, a) = Chain();

        var error = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest(RoleB, "chained") { DurationSeconds = 3601 }).Error!;

        Assert.Equal(("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."), (error.Code, error.Message));
    }

    [Fact]
    public void SecondHop_3600Seconds_KeepsSourceIdentityAndTransitiveTagsOnly()
    {
        var (lab, a) = Chain();

        var b = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest(RoleB, "chained") { DurationSeconds = 3600 }).Value;

        Assert.Equal("alice", b.SourceIdentity);
        Assert.Equal([new Tag("team", "blue")], b.Session.Tags);
        Assert.True(b.Session.IsChained);
    }

    [Fact]
    public void Chain_ListsUserThenEachHopWithItsCap()
    {
        var (lab, a) = Chain();
        var b = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest(RoleB, "chained")).Value;

        var hops = lab.World.Sts.Chain(b.Credentials.AccessKeyId);

        Assert.Equal(["arn:aws:iam::111111111111:user/alice", "arn:aws:sts::111111111111:assumed-role/RoleA/alice", "arn:aws:sts::111111111111:assumed-role/RoleB/chained"],
            hops.Select(h => h.Arn));
        Assert.Equal([null, 43200, 3600], hops.Select(h => h.DurationCapSeconds));
        Assert.Contains("inline AssumeB", hops[1].PolicyLayers);
    }

    [Fact]
    public void SecondHop_OverridingTransitiveTag_Refused()
    {
        var (lab, a) = Chain();

        var error = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest(RoleB, "chained") { Tags = [new Tag("team", "red")] }).Error!;

        Assert.Equal("InvalidParameterValue", error.Code);
    }

    // IAM User Guide, "Monitor and control actions taken with assumed roles", "Role chaining and cross-account
    // requirements": the source identity set on the first hop is carried by the chained call, which therefore needs
    // sts:SetSourceIdentity in the next role's trust and in the caller's permissions, "otherwise, the assume role
    // operation will fail"; and both aws:SourceIdentity and sts:SourceIdentity are in that call's request context.
    [Fact]
    public void SecondHop_WithoutSetSourceIdentityInTheNextTrust_RefusedForTheCarriedSourceIdentity()
    {
        var (lab, a) = Chain();
        _ = lab.Dev1.UpdateAssumeRolePolicy("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/RoleA"},"Action":["sts:AssumeRole","sts:TagSession"]}]}""").Value;

        var error = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest(RoleB, "chained")).Error!;

        Assert.Equal("AccessDenied", error.Code);
        Assert.StartsWith("User: arn:aws:sts::111111111111:assumed-role/RoleA/alice is not authorized to perform: sts:SetSourceIdentity on resource: arn:aws:iam::111111111111:role/RoleB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondHopAcrossAccounts_WithoutSetSourceIdentityInTheCallersPermissions_Refused()
    {
        var (lab, a) = Chain();
        _ = lab.Dev1.PutRolePolicy("RoleA", "AssumeB", Article.AllowAssumeAnyRole).Value;
        _ = lab.Prod9.CreateRole("RoleC", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/RoleA"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}""").Value;

        var error = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest("arn:aws:iam::999999999999:role/RoleC", "chained")).Error!;

        Assert.Equal("AccessDenied", error.Code);
        Assert.Contains("sts:SetSourceIdentity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondHop_TrustConditionOnStsSourceIdentity_SeesTheCarriedValue()
    {
        var (lab, a) = Chain();
        _ = lab.Dev1.UpdateAssumeRolePolicy("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/RoleA"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Condition":{"StringEquals":{"sts:SourceIdentity":"alice","aws:SourceIdentity":"alice"}}}]}""").Value;

        var b = lab.World.Sts.AssumeRole(a, new AssumeRoleRequest(RoleB, "chained"));

        Assert.True(b.IsSuccess, b.Error?.Message);
        Assert.Equal("alice", b.Value.SourceIdentity);
    }

    [Fact]
    public void SessionWithoutSourceIdentity_ChainsWithoutSetSourceIdentity()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("RoleA", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}""").Value;
        _ = lab.Dev1.PutRolePolicy("RoleA", "AssumeB", Article.AllowAssumeAnyRole).Value;
        _ = lab.Dev1.CreateRole("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/RoleA"},"Action":"sts:AssumeRole"}]}""").Value;
        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "plain")).Value;

        var b = lab.World.Sts.AssumeRole(a.Credentials, new AssumeRoleRequest(RoleB, "chained"));

        Assert.True(b.IsSuccess, b.Error?.Message);
        Assert.Null(b.Value.SourceIdentity);
    }
}
