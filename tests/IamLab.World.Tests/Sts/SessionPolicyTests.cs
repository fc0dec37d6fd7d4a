using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

public class SessionPolicyTests
{
    private const string PublicOnly = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::company-data/public/*"}]}""";

    private static (Article Lab, Credentials Session) PublicSession()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.World.S3.CreateBucket(Article.Prod, "company-data").Value;
        _ = lab.World.S3.Seed("company-data", "public/readme.txt", "hello"u8.ToArray()).Value;
        _ = lab.World.S3.Seed("company-data", "private/salaries.csv", "secret"u8.ToArray()).Value;
        var session = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { Policy = PublicOnly }).Value;
        return (lab, session.Credentials);
    }

    [Fact]
    public void PublicPrefix_Allowed()
    {
        var (lab, session) = PublicSession();

        Assert.Equal("hello"u8.ToArray(), lab.World.S3.GetObject(session, "company-data", "public/readme.txt").Value.Content);
    }

    [Fact]
    public void OtherPrefix_DeniedBecauseNoSessionPolicyAllows()
    {
        var (lab, session) = PublicSession();

        var error = lab.World.S3.GetObject(session, "company-data", "private/salaries.csv").Error!;

        Assert.Equal("User: arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/alice-session is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::company-data/private/salaries.csv because no session policy allows the s3:GetObject action", error.Message);
    }

    [Fact]
    public void WithoutSessionPolicy_RolePermissionsApply()
    {
        var lab = new Article().WithCrossAccountRole();
        _ = lab.World.S3.CreateBucket(Article.Prod, "company-data").Value;
        _ = lab.World.S3.Seed("company-data", "private/salaries.csv", "secret"u8.ToArray()).Value;
        var session = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value.Credentials;

        Assert.True(lab.World.S3.GetObject(session, "company-data", "private/salaries.csv").IsSuccess);
        Assert.Equal("allowed", lab.World.Authorize(session, "s3:GetObject", "arn:aws:s3:::company-data/private/salaries.csv").Value.DecisionName);
    }
}
