using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

public sealed class SessionRetentionTests
{
    private const string RoleBArn = "arn:aws:iam::999999999999:role/RoleB";

    private static Article Lab()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.Prod9.CreateRole("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}""").Value;
        _ = lab.Prod9.PutRolePolicy("CrossAccountS3Access", "Chain", Article.AllowAssumeAnyRole).Value;
        return lab;
    }

    [Fact]
    public void ExpiredSession_GetsExpiredTokenWithinTheRetention_ThenIsForgotten()
    {
        var lab = Lab();
        var old = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("old")).Value.Credentials;

        lab.Clock.Advance(TimeSpan.FromHours(1) + StsService.ExpiredSessionRetention - TimeSpan.FromMinutes(1));
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("new")).Value;
        Assert.Equal("ExpiredToken", lab.World.Sts.GetCallerIdentity(old).Error!.Code);

        lab.Clock.Advance(TimeSpan.FromHours(2));
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("newer")).Value;
        Assert.Equal("InvalidClientTokenId", lab.World.Sts.GetCallerIdentity(old).Error!.Code);
        Assert.Equal(["new", "newer"], lab.World.Sts.Sessions.Values.Select(s => s.SessionName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExpiredParent_KeptWhileASessionMadeFromItIsKept()
    {
        var lab = Lab();
        var parent = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("parent")).Value;
        lab.Clock.Advance(TimeSpan.FromMinutes(59));
        var child = lab.World.Sts.AssumeRole(parent.Credentials, new AssumeRoleRequest(RoleBArn, "child")).Value;

        // The parent expired more than the retention ago, the child (59 minutes younger) less.
        lab.Clock.SetUtcNow(parent.Session.Expiration + StsService.ExpiredSessionRetention + TimeSpan.FromMinutes(30));
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("trigger")).Value;

        Assert.Equal(["arn:aws:iam::111111111111:user/alice", parent.AssumedRoleUser.Arn, child.AssumedRoleUser.Arn],
            lab.World.Sts.Chain(child.Credentials.AccessKeyId).Select(h => h.Arn));

        lab.Clock.Advance(TimeSpan.FromHours(1));
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("trigger-again")).Value;

        Assert.False(lab.World.Sts.Sessions.ContainsKey(child.Credentials.AccessKeyId));
        Assert.False(lab.World.Sts.Sessions.ContainsKey(parent.Credentials.AccessKeyId));
        Assert.Equal(lab.Clock.GetUtcNow(), lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleLastUsed!.LastUsedDate);
    }

    [Fact]
    public void Sessions_EnumerateInOrdinalKeyOrder()
    {
        var lab = Lab();
        for (var i = 0; i < 20; i++)
        {
            _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount($"s{i}")).Value;
        }

        var keys = lab.World.Sts.Sessions.Keys.ToList();

        Assert.Equal(20, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys, lab.World.Sts.Sessions.Select(p => p.Value.AccessKeyId));
    }

    [Fact]
    public void SessionsOfOneRoleAndName_ShareTheirArnString()
    {
        var lab = Lab();
        var first = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("same")).Value.Session;
        var second = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("same")).Value.Session;

        Assert.NotEqual(first.AccessKeyId, second.AccessKeyId);
        Assert.Same(first.Arn, second.Arn);
        Assert.Equal("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/same", second.Arn);
    }
}
