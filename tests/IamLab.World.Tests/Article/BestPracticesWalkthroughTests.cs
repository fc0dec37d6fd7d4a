using IamLab.Policy.Evaluation;
using IamLab.World.Sts;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's best practices and troubleshooting: the trust policy limited to 203.0.113.0/24 and to the window
/// 2025-09-01T00:00:00Z .. 2025-12-31T23:59:59Z, update-role --max-session-duration 3600, RoleLastUsed from get-role,
/// service-linked roles, and simulate-principal-policy.
/// </summary>
public class BestPracticesWalkthroughTests
{
    private const string RoleArn = "arn:aws:iam::999999999999:role/MyRole";

    private const string ConditionalTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole",
          "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},
                       "DateGreaterThan":{"aws:CurrentTime":"2025-09-01T00:00:00Z"},
                       "DateLessThan":{"aws:CurrentTime":"2025-12-31T23:59:59Z"}}}]}
        """;

    private static Article Lab(string trust = ConditionalTrust)
    {
        var lab = new Article();
        _ = lab.Prod9.CreateRole("MyRole", trust, maxSessionDuration: 43200).Value;
        _ = lab.Dev1.PutUserPolicy("alice", "AssumeRoles", Article.AllowAssumeAnyRole).Value;
        return lab;
    }

    private static IamLab.World.Errors.IamResult<AssumeRoleResult> Assume(Article lab, string sourceIp) =>
        lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleArn, "s1"), new RequestContext().Set("aws:SourceIp", sourceIp));

    [Fact]
    public void IpAndDateWindow_InsideBoth_Allowed()
    {
        var lab = Lab();
        lab.Clock.SetUtcNow(new DateTimeOffset(2025, 10, 15, 12, 0, 0, TimeSpan.Zero));

        Assert.True(Assume(lab, "203.0.113.25").IsSuccess);
    }

    [Fact]
    public void IpOutsideTheRange_Denied()
    {
        var lab = Lab();
        lab.Clock.SetUtcNow(new DateTimeOffset(2025, 10, 15, 12, 0, 0, TimeSpan.Zero));

        var error = Assume(lab, "198.51.100.25").Error!;

        Assert.Equal(("AccessDenied", "User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/MyRole"),
            (error.Code, error.Message));
    }

    [Theory]
    [InlineData("2025-08-31T23:59:59Z")]
    [InlineData("2025-09-01T00:00:00Z")]
    [InlineData("2025-12-31T23:59:59Z")]
    [InlineData("2026-01-01T00:00:00Z")]
    public void OutsideTheDateWindow_Denied(string now)
    {
        var lab = Lab();
        lab.Clock.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("AccessDenied", Assume(lab, "203.0.113.25").Error!.Code);
    }

    [Fact]
    public void DateWindow_OpensAndClosesAsTimeMoves()
    {
        var lab = Lab();
        lab.Clock.SetUtcNow(new DateTimeOffset(2025, 8, 31, 23, 0, 0, TimeSpan.Zero));
        Assert.False(Assume(lab, "203.0.113.25").IsSuccess);

        lab.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(Assume(lab, "203.0.113.25").IsSuccess);

        lab.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));
        Assert.False(Assume(lab, "203.0.113.25").IsSuccess);
    }

    [Fact]
    public void UpdateRoleMaxSessionDuration3600_LongerSessionsRefused()
    {
        var lab = Lab(Article.CrossAccountTrust.Replace("unique-external-id-12345", "x-1", StringComparison.Ordinal));
        var before = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleArn, "s1") { ExternalId = "x-1", DurationSeconds = 7200 });
        Assert.True(before.IsSuccess);

        var updated = lab.Prod9.UpdateRole("MyRole", maxSessionDuration: 3600).Value;
        var after = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleArn, "s2") { ExternalId = "x-1", DurationSeconds = 7200 }).Error!;

        Assert.Equal(3600, updated.MaxSessionDuration);
        Assert.Equal(3600, lab.Prod9.GetRole("MyRole").Value.MaxSessionDuration);
        Assert.Equal(("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."), (after.Code, after.Message));
        Assert.True(lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleArn, "s3") { ExternalId = "x-1", DurationSeconds = 3600 }).IsSuccess);
    }

    [Fact]
    public void RoleLastUsed_EmptyUntilAssumed_ThenDateAndRegionOfTheLastUse()
    {
        var lab = new Article().WithCrossAccountRole();
        Assert.Null(lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleLastUsed);

        lab.Clock.Advance(TimeSpan.FromMinutes(10));
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;
        var first = lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleLastUsed!;
        lab.Clock.Advance(TimeSpan.FromDays(3));
        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount()).Value;
        var second = lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleLastUsed!;

        Assert.Equal((new DateTimeOffset(2025, 3, 1, 9, 10, 0, TimeSpan.Zero), "us-east-1"), (first.LastUsedDate, first.Region));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 10, 0, TimeSpan.Zero), second.LastUsedDate);
    }

    [Fact]
    public void RoleLastUsed_NotChangedByARefusedAssumeRole()
    {
        var lab = new Article().WithCrossAccountRole();

        _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount() with { ExternalId = "wrong-id" });

        Assert.Null(lab.Prod9.GetRole("CrossAccountS3Access").Value.RoleLastUsed);
    }

    [Fact]
    public void ServiceLinkedRoles_ListedByPrefix_NotModifiable_DeletedOnlyByDeleteServiceLinkedRole()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateServiceLinkedRole("elasticloadbalancing.amazonaws.com").Value;
        _ = lab.Dev1.CreateServiceLinkedRole("autoscaling.amazonaws.com").Value;
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var linked = lab.Dev1.ListRoles().Where(r => r.Name.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal)).Select(r => r.Name);
        var attach = lab.Dev1.AttachRolePolicy("AWSServiceRoleForElasticLoadBalancing", Article.S3Full).Error!;
        var deleted = lab.Dev1.DeleteServiceLinkedRole("AWSServiceRoleForElasticLoadBalancing");

        Assert.Equal(["AWSServiceRoleForAutoScaling", "AWSServiceRoleForElasticLoadBalancing"], linked);
        Assert.Equal(("UnmodifiableEntity", "Cannot perform the operation on the protected role 'AWSServiceRoleForElasticLoadBalancing' - this role is only modifiable by AWS"),
            (attach.Code, attach.Message));
        Assert.True(deleted.IsSuccess);
        Assert.Equal("NoSuchEntity", lab.Dev1.GetRole("AWSServiceRoleForElasticLoadBalancing").Error!.Code);
    }

    [Fact]
    public void SimulatePrincipalPolicy_MyRoleGetObjectOnMyBucket()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("MyRole", Article.Ec2Trust).Value;
        _ = lab.Dev1.AttachRolePolicy("MyRole", Article.S3ReadOnly).Value;

        var result = lab.Dev1.SimulatePrincipalPolicy("arn:aws:iam::111111111111:role/MyRole", ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::my-bucket/file.txt"]).Value;

        Assert.Equal([("s3:GetObject", "allowed"), ("s3:PutObject", "implicitDeny")], result.Select(r => (r.EvalActionName, r.EvalDecision)));
        Assert.All(result, r => Assert.Equal("arn:aws:s3:::my-bucket/file.txt", r.EvalResourceName));
    }
}
