using IamLab.World.Sts;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's "Cross-Account Access" section: in 999999999999, CrossAccountS3Access trusts 111111111111 on the
/// condition sts:ExternalId = unique-external-id-12345 and has AmazonS3ReadOnlyAccess; from 111111111111, assume-role
/// with --role-session-name CrossAccountSession --external-id unique-external-id-12345, then list account-b-bucket.
/// </summary>
public class CrossAccountWalkthroughTests
{
    private const string Denied =
        "User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/CrossAccountS3Access";

    private static Article Lab()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.World.S3.CreateBucket(Article.Prod, "account-b-bucket").Value;
        _ = lab.World.S3.Seed("account-b-bucket", "report.csv", [1]).Value;
        return lab;
    }

    [Fact]
    public void RightExternalId_TemporaryCredentialsThatListTheBucket()
    {
        var lab = Lab();

        var assumed = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("CrossAccountSession")).Value;

        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(lab.Clock.GetUtcNow().AddHours(1), assumed.Credentials.Expiration);
        Assert.Equal("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/CrossAccountSession", assumed.AssumedRoleUser.Arn);
        Assert.True(lab.World.Authorize(assumed.Credentials, "s3:ListBucket", "arn:aws:s3:::account-b-bucket").Value.IsAllowed);
        Assert.True(lab.World.S3.GetObject(assumed.Credentials, "account-b-bucket", "report.csv").IsSuccess);
        Assert.False(lab.World.Authorize(assumed.Credentials, "s3:PutObject", "arn:aws:s3:::account-b-bucket/x").Value.IsAllowed);
    }

    [Fact]
    public void WrongExternalId_AccessDeniedInAwsWords()
    {
        var lab = Lab();

        var error = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("CrossAccountSession") with { ExternalId = "guessed-id-00000" }).Error!;

        Assert.Equal(("AccessDenied", Denied, 403), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void MissingExternalId_AccessDeniedInAwsWords()
    {
        var lab = Lab();

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(Article.CrossAccountRoleArn, "CrossAccountSession")).Error!;

        Assert.Equal(("AccessDenied", Denied), (error.Code, error.Message));
    }

    [Fact]
    public void ThirdAccountWithTheRightExternalId_StillRefused()
    {
        var lab = Lab();
        _ = lab.World.CreateAccount("333333333333").Value;
        _ = lab.World.Iam("333333333333").CreateUser("mallory").Value;
        _ = lab.World.Iam("333333333333").PutUserPolicy("mallory", "AssumeRoles", Article.AllowAssumeAnyRole).Value;
        var mallory = lab.World.Iam("333333333333").CreateAccessKey("mallory").Value;

        var error = lab.World.Sts.AssumeRole(mallory, Article.CrossAccount("CrossAccountSession")).Error!;

        Assert.Equal("User: arn:aws:iam::333333333333:user/mallory is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/CrossAccountS3Access",
            error.Message);
    }
}
