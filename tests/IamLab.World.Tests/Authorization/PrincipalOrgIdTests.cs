using IamLab.World.Sts;

namespace IamLab.World.Tests.Authorization;

/// <summary>
/// <c>aws:PrincipalOrgID</c> in a bucket policy (IAM User Guide, "AWS global condition context keys", aws:PrincipalOrgID:
/// the identifier of the organization the requesting principal's account belongs to; present only when the caller is
/// a member of an organization) and the organization id a lab world may fix (Organizations API Reference, Organization,
/// Id: <c>^o-[a-z0-9]{10,32}$</c>).
/// </summary>
public class PrincipalOrgIdTests
{
    private const string Policy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*",
          "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-exampleorg1"}}}]}
        """;

    private static (Article Lab, Credentials Member, Credentials Outsider) World()
    {
        var lab = new Article();
        _ = lab.World.CreateAccount("222222222222").Value;
        _ = lab.World.CreateAccount("333333333333").Value;
        var org = lab.World.Organizations.CreateOrganization("222222222222", "o-exampleorg1").Value;
        _ = lab.World.Organizations.MoveAccount(Article.Dev, org.RootId).Value;
        _ = lab.World.S3.CreateBucket("222222222222", "shared").Value;
        _ = lab.World.S3.PutBucketPolicy("shared", Policy).Value;
        const string read = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        _ = lab.Dev1.PutUserPolicy("alice", "Read", read).Value;
        var outside = lab.World.Iam("333333333333");
        _ = outside.CreateUser("eve").Value;
        _ = outside.PutUserPolicy("eve", "Read", read).Value;
        return (lab, lab.Alice, outside.CreateAccessKey("eve").Value);
    }

    [Fact]
    public void CreateOrganization_WithAnId_KeepsIt()
    {
        var (lab, _, _) = World();

        Assert.Equal("o-exampleorg1", lab.World.Organizations.Organization!.Id);
    }

    [Theory]
    [InlineData("o-short")]
    [InlineData("o-UPPERCASE123")]
    [InlineData("exampleorg12")]
    [InlineData("o-exampleorg1-")]
    public void CreateOrganization_WithAMalformedId_Refused(string id)
    {
        var lab = new Article();

        var error = lab.World.Organizations.CreateOrganization(Article.Dev, id).Error!;

        Assert.Equal(("InvalidInputException", $"The organization id \"{id}\" must be o- followed by 10 to 32 lower-case letters or digits."), (error.Code, error.Message));
        Assert.Null(lab.World.Organizations.Organization);
    }

    [Fact]
    public void BucketPolicy_PrincipalOrgId_AdmitsAMemberAccountAcrossAccounts()
    {
        var (lab, member, _) = World();

        Assert.True(lab.World.Authorize(member, "s3:GetObject", "arn:aws:s3:::shared/report.csv").Value.IsAllowed);
    }

    [Fact]
    public void BucketPolicy_PrincipalOrgId_RefusesAnAccountOutsideTheOrganization()
    {
        var (lab, _, outsider) = World();

        var check = lab.World.Authorize(outsider, "s3:GetObject", "arn:aws:s3:::shared/report.csv").Value;

        Assert.Equal("implicitDeny", check.DecisionName);
    }

    [Fact]
    public void BucketPolicy_PrincipalOrgId_AdmitsSessionsOfAMemberAccountsRoles()
    {
        var (lab, _, _) = World();
        _ = lab.Dev1.CreateRole("Reader", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}""").Value;
        _ = lab.Dev1.PutRolePolicy("Reader", "Read", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""").Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", Article.AllowAssumeAnyRole).Value;
        var session = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/Reader", "s1")).Value;

        Assert.True(lab.World.Authorize(session.Credentials, "s3:GetObject", "arn:aws:s3:::shared/report.csv").Value.IsAllowed);
    }
}
