namespace IamLab.World.Tests.Compute;

public class LambdaFunctionTests
{
    private const string S3ReadPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"]}]}""";

    [Fact]
    public void Invoke_HandlerGetsExecutionRoleCredentialsFromEnvironment()
    {
        var lab = new Article();
        var role = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;
        _ = lab.Dev1.AttachRolePolicy("LambdaS3ReadRole", Article.LambdaBasic).Value;
        _ = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "S3ReadPolicy", S3ReadPolicy).Value;
        _ = lab.World.S3.CreateBucket(Article.Dev, "reports").Value;
        _ = lab.World.S3.Seed("reports", "q1.csv", "1,2,3"u8.ToArray()).Value;
        var function = lab.World.Compute.CreateFunction(Article.Dev, "ReadReports", role.Arn, call =>
        {
            var read = call.World.S3.GetObject(call.Credentials, "reports", "q1.csv");
            var write = call.World.S3.PutObject(call.Credentials, "reports", "q2.csv", []);
            return $"{call.Environment["AWS_ACCESS_KEY_ID"][..4]} read={read.IsSuccess} write={write.Error?.Code}";
        }).Value;

        Assert.Equal("ASIA read=True write=AccessDenied", lab.World.Compute.Invoke(function.Arn).Value);
        Assert.NotNull(role.RoleLastUsed);
    }

    [Fact]
    public void CreateFunction_RoleNotTrustingLambda_Refused()
    {
        var lab = new Article();
        var role = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var error = lab.World.Compute.CreateFunction(Article.Dev, "Fn", role.Arn, _ => "").Error!;

        Assert.Equal(("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda."), (error.Code, error.Message));
    }
}
