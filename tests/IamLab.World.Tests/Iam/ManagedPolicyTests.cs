using IamLab.World.Iam;

namespace IamLab.World.Tests.Iam;

public class ManagedPolicyTests
{
    [Theory]
    [InlineData("arn:aws:iam::aws:policy/AmazonS3FullAccess")]
    [InlineData("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")]
    [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    [InlineData("arn:aws:iam::aws:policy/PowerUserAccess")]
    [InlineData("arn:aws:iam::aws:policy/AdministratorAccess")]
    public void ShippedPolicy_HasDocumentAndCopiedOnDate(string arn)
    {
        var policy = AwsManagedPolicies.ByArn[arn];

        Assert.True(policy.IsAwsManaged);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", policy.CopiedOn);
        Assert.NotEmpty(policy.Document.Document.Statements);
    }

    [Fact]
    public void AttachRolePolicy_UnknownArn_NoSuchEntity()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var error = lab.Dev1.AttachRolePolicy("EC2S3AccessRole", "arn:aws:iam::aws:policy/NoSuchPolicy").Error!;

        Assert.Equal("Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.", error.Message);
    }

    [Fact]
    public void CreatePolicy_WithError_MalformedPolicyDocument()
    {
        var error = new Article().Dev1.CreatePolicy("Bad", """{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"s3:*","Resource":"*"}]}""").Error!;

        Assert.Equal("MalformedPolicyDocument", error.Code);
        Assert.Contains("Maybe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePolicyVersion_SixthVersion_LimitExceeded()
    {
        var lab = new Article();
        const string doc = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";
        var policy = lab.Dev1.CreatePolicy("S3List", doc).Value;
        for (var i = 0; i < 4; i++)
        {
            _ = lab.Dev1.CreatePolicyVersion(policy.Arn, doc, setAsDefault: true).Value;
        }

        var error = lab.Dev1.CreatePolicyVersion(policy.Arn, doc, setAsDefault: true).Error!;

        Assert.Equal("LimitExceeded", error.Code);
        Assert.Equal("v5", policy.DefaultVersionId);
    }
}
