using IamLab.World.Sts;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's "Role Chaining" section: alice assumes RoleA in 111111111111 (Session1), then with RoleA's credentials
/// RoleB in 222222222222 (Session2). The article says a chain may last "up to 12 hours total"; AWS limits a session
/// made by role chaining to one hour and refuses a longer DurationSeconds, which is what the lab teaches.
/// </summary>
public class RoleChainingWalkthroughTests
{
    private const string RoleAArn = "arn:aws:iam::111111111111:role/RoleA";
    private const string RoleBArn = "arn:aws:iam::222222222222:role/RoleB";

    private static Article Lab()
    {
        var lab = new Article();
        _ = lab.World.CreateAccount("222222222222").Value;
        _ = lab.Dev1.CreateRole("RoleA", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}""",
            maxSessionDuration: 43200).Value;
        _ = lab.Dev1.PutRolePolicy("RoleA", "AssumeRoleB", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{RoleBArn}}"}]}""").Value;
        _ = lab.World.Iam("222222222222").CreateRole("RoleB", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{RoleAArn}}"},"Action":"sts:AssumeRole"}]}""",
            maxSessionDuration: 43200).Value;
        return lab;
    }

    [Fact]
    public void AliceToRoleAToRoleB_EachHopIsASessionOfItsRole()
    {
        var lab = Lab();

        var role1 = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleAArn, "Session1")).Value;
        var role2 = lab.World.Sts.AssumeRole(role1.Credentials, new AssumeRoleRequest(RoleBArn, "Session2")).Value;

        Assert.Equal("arn:aws:sts::222222222222:assumed-role/RoleB/Session2", role2.AssumedRoleUser.Arn);
        Assert.Equal(["arn:aws:iam::111111111111:user/alice", "arn:aws:sts::111111111111:assumed-role/RoleA/Session1", "arn:aws:sts::222222222222:assumed-role/RoleB/Session2"],
            lab.World.Sts.Chain(role2.Credentials.AccessKeyId).Select(h => h.Arn));
    }

    [Fact]
    public void FirstHopMayLast12Hours_ChainedHopIsCappedAtOneHour()
    {
        var lab = Lab();

        var role1 = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleAArn, "Session1") { DurationSeconds = 43200 }).Value;
        var role2 = lab.World.Sts.AssumeRole(role1.Credentials, new AssumeRoleRequest(RoleBArn, "Session2")).Value;

        Assert.Equal(lab.Clock.GetUtcNow().AddHours(12), role1.Credentials.Expiration);
        Assert.Equal(lab.Clock.GetUtcNow().AddHours(1), role2.Credentials.Expiration);
        Assert.Equal([43200, 3600], lab.World.Sts.Chain(role2.Credentials.AccessKeyId).Skip(1).Select(h => h.DurationCapSeconds));
    }

    [Fact]
    public void ChainedCallAsking7200Seconds_RefusedWithAwsText()
    {
        var lab = Lab();
        var role1 = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleAArn, "Session1")).Value;

        var error = lab.World.Sts.AssumeRole(role1.Credentials, new AssumeRoleRequest(RoleBArn, "Session2") { DurationSeconds = 7200 }).Error!;

        Assert.Equal(("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", 400),
            (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void ChainedSession_EndsAfterAnHourEvenWhenTheFirstHopLastsLonger()
    {
        var lab = Lab();
        var role1 = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleAArn, "Session1") { DurationSeconds = 43200 }).Value;
        var role2 = lab.World.Sts.AssumeRole(role1.Credentials, new AssumeRoleRequest(RoleBArn, "Session2")).Value;

        lab.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("ExpiredToken", lab.World.Sts.GetCallerIdentity(role2.Credentials).Error!.Code);
        Assert.True(lab.World.Sts.GetCallerIdentity(role1.Credentials).IsSuccess);
    }
}
