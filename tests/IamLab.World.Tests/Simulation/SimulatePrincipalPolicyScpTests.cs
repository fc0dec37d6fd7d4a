namespace IamLab.World.Tests.Simulation;

/// <summary>
/// SimulatePrincipalPolicy weighs the SCPs that apply to the principal's account and reports their verdict as
/// OrganizationsDecisionDetail.AllowedByOrganizations; SimulateCustomPolicy does not (IAM API reference).
/// </summary>
public class SimulatePrincipalPolicyScpTests
{
    private const string DenyDeleteBucket = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""";

    private static (Article Lab, string OuId) InOrganization()
    {
        var lab = new Article();
        _ = lab.World.CreateAccount("222222222222").Value;
        var org = lab.World.Organizations.CreateOrganization("222222222222").Value;
        var ou = lab.World.Organizations.CreateOrganizationalUnit("Dev", org.RootId).Value;
        _ = lab.World.Organizations.MoveAccount(Article.Dev, ou.Id).Value;
        _ = lab.Dev1.AttachUserPolicy("alice", "arn:aws:iam::aws:policy/AdministratorAccess").Value;
        return (lab, ou.Id);
    }

    [Fact]
    public void ScpDeny_TurnsAnIdentityAllowIntoExplicitDeny()
    {
        var (lab, ou) = InOrganization();
        _ = lab.World.Organizations.AttachServiceControlPolicy(ou, DenyDeleteBucket).Value;

        var results = lab.Dev1.SimulatePrincipalPolicy("arn:aws:iam::111111111111:user/alice", ["s3:DeleteBucket", "s3:GetObject"], ["arn:aws:s3:::b"]).Value;

        Assert.Equal(["explicitDeny", "allowed"], results.Select(r => r.EvalDecision));
        Assert.Equal([false, true], results.Select(r => r.OrganizationsDecisionDetail!.AllowedByOrganizations));
    }

    [Fact]
    public void ScpWithoutAnAllow_ImplicitDenyAndNotAllowedByOrganizations()
    {
        var (lab, ou) = InOrganization();
        // Replacing FullAWSAccess on the OU with an allow for S3 only leaves every other service without an SCP allow.
        _ = lab.World.Organizations.DetachAllServiceControlPolicies(ou).Value;
        _ = lab.World.Organizations.AttachServiceControlPolicy(ou, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""").Value;

        var result = lab.Dev1.SimulatePrincipalPolicy("arn:aws:iam::111111111111:user/alice", ["ec2:RunInstances"]).Value.Single();

        Assert.Equal("implicitDeny", result.EvalDecision);
        Assert.False(result.OrganizationsDecisionDetail!.AllowedByOrganizations);
    }

    [Fact]
    public void AccountOutsideAnOrganization_NoOrganizationsDecisionDetail()
    {
        var lab = new Article();
        _ = lab.Dev1.AttachUserPolicy("alice", "arn:aws:iam::aws:policy/AdministratorAccess").Value;

        var result = lab.Dev1.SimulatePrincipalPolicy("arn:aws:iam::111111111111:user/alice", ["s3:DeleteBucket"]).Value.Single();

        Assert.Equal("allowed", result.EvalDecision);
        Assert.Null(result.OrganizationsDecisionDetail);
    }

    [Fact]
    public void SimulateCustomPolicy_IgnoresScps()
    {
        var (lab, ou) = InOrganization();
        _ = lab.World.Organizations.AttachServiceControlPolicy(ou, DenyDeleteBucket).Value;

        var result = lab.Dev1.SimulateCustomPolicy(["""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""], ["s3:DeleteBucket"]).Value.Single();

        Assert.Equal("allowed", result.EvalDecision);
        Assert.Null(result.OrganizationsDecisionDetail);
    }
}
