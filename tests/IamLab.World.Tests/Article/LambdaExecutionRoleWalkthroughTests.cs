using IamLab.World.Sts;

namespace IamLab.World.Tests.ArticleWalkthrough;

/// <summary>
/// The article's "Lambda Execution Roles" section: LambdaS3ReadRole trusting lambda.amazonaws.com, with
/// AWSLambdaBasicExecutionRole attached and the inline S3ReadPolicy; MyFunction runs with the role's session credentials
/// in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN and reads my-bucket/data.json.
/// </summary>
public class LambdaExecutionRoleWalkthroughTests
{
    private const string S3ReadPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
          "Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]}]}
        """;

    private const string RoleArn = "arn:aws:iam::111111111111:role/LambdaS3ReadRole";

    private static Article WithRole()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;
        _ = lab.Dev1.AttachRolePolicy("LambdaS3ReadRole", Article.LambdaBasic).Value;
        _ = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "S3ReadPolicy", S3ReadPolicy).Value;
        _ = lab.World.S3.CreateBucket(Article.Dev, "my-bucket").Value;
        _ = lab.World.S3.Seed("my-bucket", "data.json", "{\"n\":1}"u8.ToArray()).Value;
        return lab;
    }

    [Fact]
    public void Invoke_HandlerReadsTheObjectWithTheCredentialsFromItsEnvironment()
    {
        var lab = WithRole();
        IReadOnlyDictionary<string, string>? environment = null;
        var function = lab.World.Compute.CreateFunction(Article.Dev, "MyFunction", RoleArn, invocation =>
        {
            environment = invocation.Environment;
            // What boto3 does inside Lambda: read the three variables and sign with them.
            var credentials = new Credentials(invocation.Environment["AWS_ACCESS_KEY_ID"], invocation.Environment["AWS_SECRET_ACCESS_KEY"],
                invocation.Environment["AWS_SESSION_TOKEN"]);
            var data = invocation.World.S3.GetObject(credentials, "my-bucket", "data.json");
            return data.IsSuccess ? System.Text.Encoding.UTF8.GetString(data.Value.Content) : data.Error!.Code;
        }).Value;

        var body = lab.World.Compute.Invoke(function.Arn).Value;

        Assert.Equal("{\"n\":1}", body);
        Assert.StartsWith("ASIA", environment!["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
        var session = lab.World.Sts.Sessions[environment["AWS_ACCESS_KEY_ID"]];
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/LambdaS3ReadRole/MyFunction", session.Arn);
        Assert.Equal((environment["AWS_SECRET_ACCESS_KEY"], environment["AWS_SESSION_TOKEN"]), (session.SecretAccessKey, session.SessionToken));
    }

    [Fact]
    public void ExecutionRole_CanWriteLogsAndReadButNotWrite()
    {
        var lab = WithRole();
        Credentials? credentials = null;
        var function = lab.World.Compute.CreateFunction(Article.Dev, "MyFunction", RoleArn, invocation =>
        {
            credentials = invocation.Credentials;
            return "ok";
        }).Value;
        _ = lab.World.Compute.Invoke(function.Arn).Value;

        bool Allowed(string action, string resource) => lab.World.Authorize(credentials!, action, resource).Value.IsAllowed;

        Assert.True(Allowed("logs:CreateLogGroup", "arn:aws:logs:us-east-1:111111111111:*"));
        Assert.True(Allowed("logs:PutLogEvents", "arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/MyFunction:*"));
        Assert.True(Allowed("s3:ListBucket", "arn:aws:s3:::my-bucket"));
        Assert.False(Allowed("s3:PutObject", "arn:aws:s3:::my-bucket/data.json"));
        Assert.False(Allowed("s3:GetObject", "arn:aws:s3:::other-bucket/data.json"));
    }

    [Fact]
    public void CreateFunction_RoleThatDoesNotTrustLambda_Refused()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var error = lab.World.Compute.CreateFunction(Article.Dev, "MyFunction", "arn:aws:iam::111111111111:role/EC2S3AccessRole", _ => "ok").Error!;

        Assert.Equal(("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda."), (error.Code, error.Message));
    }
}
