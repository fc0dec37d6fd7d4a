using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

public class AssumeRoleTests
{
    [Fact]
    public void AssumeRole_CrossAccountWithExternalId_IssuesSessionCredentials()
    {
        var lab = new Article().WithCrossAccountRole();

        var result = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;

        Assert.Matches("^ASIA[A-Z2-7]{16}$", result.Credentials.AccessKeyId);
        Assert.Equal(40, result.Credentials.SecretAccessKey.Length);
        Assert.NotNull(result.Credentials.SessionToken);
        Assert.Equal(lab.Clock.GetUtcNow().AddHours(1), result.Credentials.Expiration);
        Assert.Equal("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/alice-session", result.AssumedRoleUser.Arn);
        var roleId = lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleId;
        Assert.Equal($"{roleId}:alice-session", result.AssumedRoleUser.AssumedRoleId);
    }

    [Fact]
    public void AssumeRole_WithoutExternalId_AccessDeniedInAwsWords()
    {
        var lab = new Article().WithCrossAccountRole();

        var error = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { ExternalId = null }).Error!;

        Assert.Equal(("AccessDenied", 403), (error.Code, error.HttpStatus));
        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/CrossAccountS3Access", error.Message);
    }

    [Fact]
    public void AssumeRole_CrossAccountWithoutIdentityAllow_NamesTheIdentityPolicy()
    {
        var lab = new Article();
        _ = lab.Prod9.CreateRole("CrossAccountS3Access", Article.CrossAccountTrust).Value;

        var error = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Error!;

        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/CrossAccountS3Access because no identity-based policy allows the sts:AssumeRole action", error.Message);
    }

    [Fact]
    public void AssumeRole_SameAccountTrustNamingTheUser_NeedsNoIdentityAllow()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("RoleA", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}""").Value;

        Assert.True(lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/RoleA", "s1")).IsSuccess);
    }

    [Fact]
    public void AssumeRole_UnknownRole_AccessDenied()
    {
        var lab = new Article();

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::999999999999:role/Ghost", "s1")).Error!;

        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/Ghost", error.Message);
    }

    [Fact]
    public void AssumeRole_UpdatesRoleLastUsed()
    {
        var lab = new Article().WithCrossAccountRole();
        lab.Clock.Advance(TimeSpan.FromMinutes(5));

        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;

        var used = lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleLastUsed!;
        Assert.Equal(lab.Clock.GetUtcNow(), used.LastUsedDate);
        Assert.Equal("us-east-1", used.Region);
    }

    [Fact]
    public void GetCallerIdentity_ForUserAndSession()
    {
        var lab = new Article().WithCrossAccountRole();
        var session = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;

        var user = lab.World.Sts.GetCallerIdentity(lab.Alice).Value;
        var assumed = lab.World.Sts.GetCallerIdentity(session.Credentials).Value;

        Assert.Equal(("arn:aws:iam::111111111111:user/alice", "111111111111"), (user.Arn, user.Account));
        Assert.Matches("^AIDA", user.UserId);
        Assert.Equal((session.AssumedRoleUser.Arn, "999999999999", session.AssumedRoleUser.AssumedRoleId), (assumed.Arn, assumed.Account, assumed.UserId));
    }

    [Fact]
    public void SessionCredentials_AfterExpiry_ExpiredToken()
    {
        var lab = new Article().WithCrossAccountRole();
        var session = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { DurationSeconds = 900 }).Value;
        lab.Clock.Advance(TimeSpan.FromSeconds(899));
        Assert.True(lab.World.Sts.GetCallerIdentity(session.Credentials).IsSuccess);

        lab.Clock.Advance(TimeSpan.FromSeconds(1));
        var error = lab.World.Sts.GetCallerIdentity(session.Credentials).Error!;

        Assert.Equal(("ExpiredToken", "The security token included in the request is expired"), (error.Code, error.Message));
    }

    [Fact]
    public void UnknownAccessKey_InvalidClientTokenId()
    {
        var error = new Article().World.Sts.GetCallerIdentity(new Credentials("AKIAIOSFODNN7EXAMPLE", "x")).Error!;

        Assert.Equal(("InvalidClientTokenId", "The security token included in the request is invalid.", 403), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void SameSeedSameOperations_SameIdsButUnrelatedSecrets()
    {
        var first = new Article().WithCrossAccountRole();
        var second = new Article().WithCrossAccountRole();

        var one = first.World.Sts.AssumeRole(first.Alice, Article.CrossAccount()).Value.Credentials;
        var two = second.World.Sts.AssumeRole(second.Alice, Article.CrossAccount()).Value.Credentials;

        // Identifiers are reproducible (scenarios and saved worlds name them); secrets come from the cryptographic
        // generator, so two fresh worlds never hand out the same secret for the same key id.
        Assert.Equal(first.Alice.AccessKeyId, second.Alice.AccessKeyId);
        Assert.NotEqual(first.Alice.SecretAccessKey, second.Alice.SecretAccessKey);
        Assert.Equal(one.AccessKeyId, two.AccessKeyId);
        Assert.NotEqual(one.SecretAccessKey, two.SecretAccessKey);
        Assert.NotEqual(one.SessionToken, two.SessionToken);
        Assert.Equal(40, one.SecretAccessKey.Length);
    }
}
