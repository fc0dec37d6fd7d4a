using IamLab.World.Sts;

namespace IamLab.World.Tests.Compute;

/// <summary>
/// Creating a function as a caller passes the execution role to Lambda: the caller needs lambda:CreateFunction and
/// iam:PassRole with iam:PassedToService = lambda.amazonaws.com (IAM User Guide, id_roles_use_passrole; Lambda Developer
/// Guide, lambda-intro-execution-role), and Lambda's AssumeRole for the function carries aws:SourceAccount and
/// aws:SourceArn, which a trust may pin against the cross-service confused deputy (IAM User Guide, confused-deputy,
/// "Cross-service confused deputy prevention"; Lambda Developer Guide, permissions-managed-policies).
/// </summary>
public class LambdaPassRoleTests
{
    private const string PinnedTrust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole",
          "Condition":{"StringEquals":{"aws:SourceAccount":"111111111111"},"ArnLike":{"aws:SourceArn":"arn:aws:lambda:us-east-1:111111111111:function:report-builder"}}}]}
        """;

    private const string Deployer = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"lambda:CreateFunction","Resource":"arn:aws:lambda:us-east-1:111111111111:function:report-builder"},
          {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111111111111:role/ReportRole",
           "Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}]}
        """;

    private static (Article Lab, Credentials Deployer) World()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("ReportRole", PinnedTrust).Value;
        _ = lab.Dev1.CreateRole("AdminRole", Article.LambdaTrust).Value;
        _ = lab.Dev1.CreateUser("deployer").Value;
        _ = lab.Dev1.PutUserPolicy("deployer", "Deploy", Deployer).Value;
        return (lab, lab.Dev1.CreateAccessKey("deployer").Value);
    }

    [Fact]
    public void DeployerWithPassRole_CreatesTheFunction_AndLambdaAssumesThePinnedRole()
    {
        var (lab, deployer) = World();

        var function = lab.World.Compute.CreateFunction(Article.Dev, "report-builder", "arn:aws:iam::111111111111:role/ReportRole", call => call.Credentials.AccessKeyId[..4], deployer);

        Assert.True(function.IsSuccess, function.Error?.Message);
        Assert.Equal("arn:aws:lambda:us-east-1:111111111111:function:report-builder", function.Value.Arn);
        Assert.Equal("ASIA", lab.World.Compute.Invoke(function.Value.Arn).Value);
    }

    [Fact]
    public void PassingAnotherRole_IsRefusedWithLambdasAccessDenied_NamingIamPassRole()
    {
        var (lab, deployer) = World();

        var error = lab.World.Compute.CreateFunction(Article.Dev, "report-builder", "arn:aws:iam::111111111111:role/AdminRole", _ => "", deployer).Error!;

        Assert.Equal(("AccessDeniedException", 403), (error.Code, error.HttpStatus));
        Assert.Contains("arn:aws:iam::111111111111:user/deployer is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111111111111:role/AdminRole",
            error.Message, StringComparison.Ordinal);
        Assert.Equal("implicitDeny", error.Check!.DecisionName);
        Assert.False(lab.World.Compute.Invoke("arn:aws:lambda:us-east-1:111111111111:function:report-builder").IsSuccess);
    }

    [Fact]
    public void CreatingAnotherFunction_IsRefusedOnLambdaCreateFunction()
    {
        var (lab, deployer) = World();

        var error = lab.World.Compute.CreateFunction(Article.Dev, "cleanup", "arn:aws:iam::111111111111:role/ReportRole", _ => "", deployer).Error!;

        Assert.Equal("AccessDeniedException", error.Code);
        Assert.Contains("lambda:CreateFunction on resource: arn:aws:lambda:us-east-1:111111111111:function:cleanup", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("111111111111", "cleanup")]          // another function of the account: aws:SourceArn differs
    [InlineData("999999999999", "report-builder")]   // the same name in another account: aws:SourceAccount differs
    public void ATrustPinnedToOneFunction_RefusesLambdaForAnyOther(string account, string name)
    {
        var (lab, _) = World();

        var error = lab.World.Compute.CreateFunction(account, name, "arn:aws:iam::111111111111:role/ReportRole", _ => "").Error!;

        Assert.Equal(("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda."), (error.Code, error.Message));
        Assert.Equal("implicitDeny", error.Check!.DecisionName);
    }
}
