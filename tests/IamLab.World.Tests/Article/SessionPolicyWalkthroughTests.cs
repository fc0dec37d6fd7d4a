using IamLab.World.Sts;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's "Session Policies" section: S3ReadRole has s3:*, but the session RestrictedSession is given the
/// session policy allowing s3:GetObject on arn:aws:s3:::my-bucket/public/* (DurationSeconds 3600), so it can only
/// read public/*.
/// </summary>
public class SessionPolicyWalkthroughTests
{
    private const string PublicOnly = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/public/*"}]}
        """;

    private static (Article Lab, Credentials Session) Restricted()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("S3ReadRole", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}""").Value;
        _ = lab.Dev1.PutRolePolicy("S3ReadRole", "AllS3", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""").Value;
        var session = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/S3ReadRole", "RestrictedSession")
        {
            Policy = PublicOnly,
            DurationSeconds = 3600,
        }).Value;
        return (lab, session.Credentials);
    }

    [Fact]
    public void PublicPrefix_Readable()
    {
        var (lab, session) = Restricted();

        Assert.True(lab.World.Authorize(session, "s3:GetObject", "arn:aws:s3:::my-bucket/public/report.pdf").Value.IsAllowed);
    }

    [Fact]
    public void OtherPrefix_DeniedBecauseNoSessionPolicyAllows()
    {
        var (lab, session) = Restricted();

        var check = lab.World.Authorize(session, "s3:GetObject", "arn:aws:s3:::my-bucket/private/salaries.csv").Value;

        Assert.Equal("implicitDeny", check.DecisionName);
        Assert.Equal("User: arn:aws:sts::111111111111:assumed-role/S3ReadRole/RestrictedSession is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-bucket/private/salaries.csv because no session policy allows the s3:GetObject action",
            check.DenialMessage);
    }

    [Fact]
    public void WritesEvenToPublic_Denied()
    {
        var (lab, session) = Restricted();

        Assert.False(lab.World.Authorize(session, "s3:PutObject", "arn:aws:s3:::my-bucket/public/x").Value.IsAllowed);
        Assert.False(lab.World.Authorize(session, "s3:DeleteBucket", "arn:aws:s3:::my-bucket").Value.IsAllowed);
    }

    [Fact]
    public void SessionPolicyCannotGrantWhatTheRoleLacks()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("NoS3", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}""").Value;
        var session = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/NoS3", "RestrictedSession") { Policy = PublicOnly }).Value;

        var check = lab.World.Authorize(session.Credentials, "s3:GetObject", "arn:aws:s3:::my-bucket/public/report.pdf").Value;

        Assert.Equal("User: arn:aws:sts::111111111111:assumed-role/NoS3/RestrictedSession is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::my-bucket/public/report.pdf because no identity-based policy allows the s3:GetObject action",
            check.DenialMessage);
    }
}
