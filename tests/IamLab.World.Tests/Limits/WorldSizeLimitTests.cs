using System.Globalization;
using IamLab.World.Limits;
using IamLab.World.Sts;

namespace IamLab.World.Tests.Limits;

/// <summary>
/// A world cannot grow without bound: IAM's own quotas answer LimitExceeded as IAM words it (IAM User Guide, "IAM and
/// AWS STS quotas"), and the lab's limits (accounts, sessions, S3 objects and bytes) answer LimitExceeded saying they
/// are the lab's. Nothing is changed by a refused call.
/// </summary>
public class WorldSizeLimitTests
{
    private const string Allow = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Fact]
    public void TheThousandAndFirstRole_IsLimitExceeded_RolesPerAccount()
    {
        var lab = new Article();
        var existing = lab.Dev1.ListRoles().Count;
        for (var i = existing; i < IamQuotas.RolesPerAccount; i++)
        {
            _ = lab.Dev1.CreateRole("r" + i.ToString(CultureInfo.InvariantCulture), Article.Ec2Trust).Value;
        }

        var error = lab.Dev1.CreateRole("one-too-many", Article.Ec2Trust).Error!;

        Assert.Equal(("LimitExceeded", "Cannot exceed quota for RolesPerAccount: 1000", 409), (error.Code, error.Message, error.HttpStatus));
        Assert.False(lab.Dev1.GetRole("one-too-many").IsSuccess);
    }

    [Fact]
    public void TheEleventhAttachedPolicy_IsLimitExceeded_PoliciesPerRole_AndPerUser()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("busy", Article.Ec2Trust).Value;
        _ = lab.Dev1.CreateUser("busy-user").Value;
        var arns = Enumerable.Range(0, 11).Select(i => lab.Dev1.CreatePolicy("p" + i.ToString(CultureInfo.InvariantCulture), Allow).Value.Arn).ToList();
        foreach (var arn in arns.Take(10))
        {
            _ = lab.Dev1.AttachRolePolicy("busy", arn).Value;
            _ = lab.Dev1.AttachUserPolicy("busy-user", arn).Value;
        }

        var role = lab.Dev1.AttachRolePolicy("busy", arns[10]).Error!;
        var user = lab.Dev1.AttachUserPolicy("busy-user", arns[10]).Error!;
        var again = lab.Dev1.AttachRolePolicy("busy", arns[3]);

        Assert.Equal("Cannot exceed quota for PoliciesPerRole: 10", role.Message);
        Assert.Equal("Cannot exceed quota for PoliciesPerUser: 10", user.Message);
        Assert.Equal("LimitExceeded", role.Code);
        Assert.True(again.IsSuccess);
        Assert.Equal(10, lab.Dev1.GetRole("busy").Value.AttachedPolicyArns.Count);
    }

    [Fact]
    public void TheEleventhGroupOfAUser_IsLimitExceeded_GroupsPerUser()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateUser("joiner").Value;
        for (var i = 0; i < 11; i++)
        {
            _ = lab.Dev1.CreateGroup("g" + i.ToString(CultureInfo.InvariantCulture)).Value;
        }

        for (var i = 0; i < 10; i++)
        {
            _ = lab.Dev1.AddUserToGroup("g" + i.ToString(CultureInfo.InvariantCulture), "joiner").Value;
        }

        var error = lab.Dev1.AddUserToGroup("g10", "joiner").Error!;

        Assert.Equal(("LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10"), (error.Code, error.Message));
    }

    [Fact]
    public void Accounts_BeyondTheLabsLimit_AreRefused_SayingItIsTheLabs()
    {
        var lab = new Article();
        lab.World.Limits.MaxAccounts = lab.World.Accounts.Count + 1;
        _ = lab.World.CreateAccount("222222222222").Value;

        var error = lab.World.CreateAccount("333333333333").Error!;

        Assert.Equal("LimitExceeded", error.Code);
        Assert.Contains("WorldLimits.MaxAccounts", error.Message, StringComparison.Ordinal);
        Assert.False(lab.World.Accounts.ContainsKey("333333333333"));
    }

    [Fact]
    public void Sessions_BeyondTheLabsLimit_AreRefused_AndNoneIsIssued()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("Target", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""").Value;
        _ = lab.Dev1.CreateUser("caller").Value;
        _ = lab.Dev1.PutUserPolicy("caller", "assume", Article.AllowAssumeAnyRole).Value;
        var key = lab.Dev1.CreateAccessKey("caller").Value;
        lab.World.Limits.MaxSessions = lab.World.Sts.Sessions.Count + 2;
        var request = new AssumeRoleRequest("arn:aws:iam::111111111111:role/Target", "limited");

        var first = lab.World.Sts.AssumeRole(key, request);
        var second = lab.World.Sts.AssumeRole(key, request);
        var before = lab.World.Sts.Sessions.Count;
        var third = lab.World.Sts.AssumeRole(key, request).Error!;

        Assert.True(first.IsSuccess && second.IsSuccess);
        Assert.Equal("LimitExceeded", third.Code);
        Assert.Contains("WorldLimits.MaxSessions", third.Message, StringComparison.Ordinal);
        Assert.Equal(before, lab.World.Sts.Sessions.Count);
    }

    [Fact]
    public void S3Objects_BeyondTheLabsCountOrBytes_AreRefused_AndAReplacementCountsOnlyItsNewBytes()
    {
        var lab = new Article();
        _ = lab.World.S3.CreateBucket(Article.Dev, "limited").Value;
        lab.World.Limits.MaxObjects = 2;
        lab.World.Limits.MaxObjectBytes = 10;

        _ = lab.World.S3.Seed("limited", "a", new byte[4]).Value;
        _ = lab.World.S3.Seed("limited", "b", new byte[4]).Value;
        var third = lab.World.S3.Seed("limited", "c", new byte[1]).Error!;
        var replaced = lab.World.S3.Seed("limited", "a", new byte[6]);
        var tooBig = lab.World.S3.Seed("limited", "b", new byte[5]).Error!;

        Assert.Contains("WorldLimits.MaxObjects", third.Message, StringComparison.Ordinal);
        Assert.True(replaced.IsSuccess);
        Assert.Contains("WorldLimits.MaxObjectBytes", tooBig.Message, StringComparison.Ordinal);
        Assert.Equal(4, lab.World.S3.Buckets["limited"].Objects["b"].Content.Length);
        Assert.False(lab.World.S3.Buckets["limited"].Objects.ContainsKey("c"));
    }
}
