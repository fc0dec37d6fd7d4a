using IamLab.World.Iam;

namespace IamLab.World.Tests.Iam;

/// <summary>
/// Where one account's IAM must not reach into another's: another account's customer managed policy cannot be
/// attached or used as a permissions boundary (IAM answers NoSuchEntity, "does not exist or is not attachable"), and
/// SimulatePrincipalPolicy simulates exactly the principal its ARN names.
/// </summary>
public class AccountBoundaryTests
{
    private const string Admin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static (LabWorld World, IamService Mine, IamService Theirs, string TheirPolicy, string MyPolicy) TwoAccounts()
    {
        var world = new LabWorld();
        world.CreateAccount("111111111111");
        world.CreateAccount("222222222222");
        var mine = world.Iam("111111111111");
        var theirs = world.Iam("222222222222");
        var theirPolicy = theirs.CreatePolicy("TheirAdmin", Admin).Value.Arn;
        var myPolicy = mine.CreatePolicy("MyAdmin", Admin).Value.Arn;
        return (world, mine, theirs, theirPolicy, myPolicy);
    }

    [Fact]
    public void AttachRolePolicy_AnotherAccountsPolicy_IsNoSuchEntityAndNothingIsAttached()
    {
        var (_, mine, _, theirPolicy, myPolicy) = TwoAccounts();
        var role = mine.CreateRole("App", Trust).Value;

        var error = mine.AttachRolePolicy("App", theirPolicy).Error!;
        var own = mine.AttachRolePolicy("App", myPolicy);

        Assert.Equal("NoSuchEntity", error.Code);
        Assert.Equal("Policy arn:aws:iam::222222222222:policy/TheirAdmin does not exist or is not attachable.", error.Message);
        Assert.True(own.IsSuccess);
        Assert.Equal([myPolicy], role.AttachedPolicyArns);
    }

    [Fact]
    public void AttachUserPolicy_AnotherAccountsPolicy_IsNoSuchEntity()
    {
        var (_, mine, _, theirPolicy, _) = TwoAccounts();
        _ = mine.CreateUser("dev");

        var error = mine.AttachUserPolicy("dev", theirPolicy).Error!;

        Assert.Equal("NoSuchEntity", error.Code);
    }

    [Fact]
    public void PermissionsBoundary_FromAnotherAccount_IsNoSuchEntityForRolesAndUsers()
    {
        var (_, mine, _, theirPolicy, myPolicy) = TwoAccounts();

        var role = mine.CreateRole("Bounded", Trust, permissionsBoundary: theirPolicy).Error!;
        var user = mine.CreateUser("bounded", permissionsBoundary: theirPolicy).Error!;
        var own = mine.CreateRole("OwnBoundary", Trust, permissionsBoundary: myPolicy);
        var aws = mine.CreateRole("AwsBoundary", Trust, permissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess");

        Assert.Equal("NoSuchEntity", role.Code);
        Assert.Equal("NoSuchEntity", user.Code);
        Assert.False(mine.Account.Roles.ContainsKey("Bounded"));
        Assert.True(own.IsSuccess);
        Assert.True(aws.IsSuccess);
    }

    [Fact]
    public void SimulatePrincipalPolicy_ArnOnAnotherPath_DoesNotSimulateTheUserOfTheSameName()
    {
        var (_, mine, _, _, myPolicy) = TwoAccounts();
        _ = mine.CreateUser("bob", path: "/secret/");
        _ = mine.AttachUserPolicy("bob", myPolicy);

        var wrongPath = mine.SimulatePrincipalPolicy("arn:aws:iam::111111111111:user/public/bob", ["s3:GetObject"]).Error!;
        var exact = mine.SimulatePrincipalPolicy("arn:aws:iam::111111111111:user/secret/bob", ["s3:GetObject"]).Value;

        Assert.Equal("NoSuchEntity", wrongPath.Code);
        Assert.Equal("The entity arn:aws:iam::111111111111:user/public/bob cannot be found.", wrongPath.Message);
        Assert.Equal("allowed", exact.Single().EvalDecision);
    }

    [Fact]
    public void SimulatePrincipalPolicy_RoleArnOnAnotherPathOrAccount_DoesNotSimulateTheRoleOfTheSameName()
    {
        var (_, mine, _, _, myPolicy) = TwoAccounts();
        _ = mine.CreateRole("deploy", Trust, path: "/secret/");
        _ = mine.AttachRolePolicy("deploy", myPolicy);

        var wrongPath = mine.SimulatePrincipalPolicy("arn:aws:iam::111111111111:role/public/deploy", ["s3:GetObject"]);
        var otherAccount = mine.SimulatePrincipalPolicy("arn:aws:iam::222222222222:role/secret/deploy", ["s3:GetObject"]);
        var exact = mine.SimulatePrincipalPolicy("arn:aws:iam::111111111111:role/secret/deploy", ["s3:GetObject"]).Value;

        Assert.Equal("NoSuchEntity", wrongPath.Error?.Code);
        Assert.Equal("The entity arn:aws:iam::111111111111:role/public/deploy cannot be found.", wrongPath.Error?.Message);
        Assert.Equal("NoSuchEntity", otherAccount.Error?.Code);
        Assert.Equal("allowed", exact.Single().EvalDecision);
    }

    [Fact]
    public void SimulatePrincipalPolicy_SameNameInAnotherAccountsArn_IsNoSuchEntity()
    {
        var (_, mine, _, _, myPolicy) = TwoAccounts();
        _ = mine.CreateUser("bob");
        _ = mine.AttachUserPolicy("bob", myPolicy);

        var error = mine.SimulatePrincipalPolicy("arn:aws:iam::222222222222:user/bob", ["s3:GetObject"]).Error!;

        Assert.Equal("NoSuchEntity", error.Code);
    }
}
