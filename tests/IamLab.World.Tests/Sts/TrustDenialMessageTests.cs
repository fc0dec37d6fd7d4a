using IamLab.World.Sts;

namespace IamLab.World.Tests.Sts;

/// <summary>
/// How a refused AssumeRole is worded: within one account or one organization AWS names the role trust policy
/// ("because no role trust policy allows the sts:AssumeRole action", "with an explicit deny in the role trust policy");
/// a caller from another organization gets the plain message (IAM User Guide, troubleshooting access denied).
/// </summary>
public class TrustDenialMessageTests
{
    private const string TrustsBob = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/bob"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public void SameAccount_NoTrustAllow_NamesTheRoleTrustPolicy()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("RoleA", TrustsBob).Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", Article.AllowAssumeAnyRole).Value;

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/RoleA", "s1")).Error!;

        Assert.Equal(("AccessDenied", "User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/RoleA because no role trust policy allows the sts:AssumeRole action"),
            (error.Code, error.Message));
    }

    [Fact]
    public void SameAccount_TrustDeny_NamesTheExplicitDeny()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("RoleA", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"},
              {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}
            """).Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", Article.AllowAssumeAnyRole).Value;

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::111111111111:role/RoleA", "s1")).Error!;

        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/RoleA with an explicit deny in the role trust policy",
            error.Message);
    }

    [Fact]
    public void CrossAccountOutsideAnOrganization_PlainMessage()
    {
        var lab = new Article();
        _ = lab.Prod9.CreateRole("RoleB", TrustsBob).Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", Article.AllowAssumeAnyRole).Value;

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::999999999999:role/RoleB", "s1")).Error!;

        Assert.Equal("User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::999999999999:role/RoleB", error.Message);
    }

    [Fact]
    public void CrossAccountInOneOrganization_NamesTheRoleTrustPolicy()
    {
        var lab = new Article();
        var org = lab.World.Organizations.CreateOrganization(Article.Dev).Value;
        _ = lab.World.Organizations.MoveAccount(Article.Prod, org.RootId).Value;
        _ = lab.Prod9.CreateRole("RoleB", TrustsBob).Value;
        _ = lab.Dev1.PutUserPolicy("alice", "Assume", Article.AllowAssumeAnyRole).Value;

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest("arn:aws:iam::999999999999:role/RoleB", "s1")).Error!;

        Assert.EndsWith("on resource: arn:aws:iam::999999999999:role/RoleB because no role trust policy allows the sts:AssumeRole action", error.Message, StringComparison.Ordinal);
    }
}
