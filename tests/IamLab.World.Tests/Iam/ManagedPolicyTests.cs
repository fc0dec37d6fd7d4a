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
    [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess")]
    public void ShippedPolicy_HasDocumentAndCopiedOnDate(string arn)
    {
        var policy = AwsManagedPolicies.ByArn[arn];

        Assert.True(policy.IsAwsManaged);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", policy.CopiedOn);
        Assert.NotEmpty(policy.Document.Document.Statements);
    }

    [Fact]
    public void ReadOnlyAccess_IsVersion182WithItsThreeStatements()
    {
        var policy = AwsManagedPolicies.ByArn["arn:aws:iam::aws:policy/ReadOnlyAccess"];

        Assert.Equal(("v182", new DateTimeOffset(2026, 4, 3, 15, 27, 12, TimeSpan.Zero)), (policy.DefaultVersionId, policy.Versions.Single().CreateDate));
        Assert.Equal(["ReadOnlyActionsGroup1", "ReadOnlyActionsGroup2", "S3ExpressReadOnlySessionObjectAccess"],
            policy.Document.Document.Statements.Select(s => s.Sid));
    }

    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::my-bucket/file.txt", true)]
    [InlineData("s3:ListBucket", "arn:aws:s3:::my-bucket", true)]
    [InlineData("ec2:DescribeInstances", "*", true)]
    [InlineData("iam:GetRole", "arn:aws:iam::111111111111:role/EC2S3AccessRole", true)]
    [InlineData("kafka:DescribeCluster", "*", true)]
    [InlineData("sts:GetCallerIdentity", "*", true)]
    [InlineData("s3:PutObject", "arn:aws:s3:::my-bucket/file.txt", false)]
    [InlineData("ec2:RunInstances", "*", false)]
    [InlineData("iam:CreateRole", "arn:aws:iam::111111111111:role/x", false)]
    [InlineData("sts:AssumeRole", "arn:aws:iam::111111111111:role/x", false)]
    public void ReadOnlyAccess_ReadsButNeverWrites(string action, string resource, bool allowed)
    {
        var lab = new Article();
        _ = lab.Dev1.AttachUserPolicy("alice", "arn:aws:iam::aws:policy/ReadOnlyAccess").Value;

        Assert.Equal(allowed, lab.World.Authorize(lab.Alice, action, resource).Value.IsAllowed);
    }

    [Fact]
    public void ReadOnlyAccess_S3ExpressSessionsOnlyInReadOnlyMode()
    {
        var lab = new Article();
        _ = lab.Dev1.AttachUserPolicy("alice", "arn:aws:iam::aws:policy/ReadOnlyAccess").Value;
        const string bucket = "arn:aws:s3express:us-east-1:111111111111:bucket/data--use1-az4--x-s3";

        bool Allowed(string mode) => lab.World.Authorize(lab.Alice, "s3express:CreateSession", bucket,
            new IamLab.Policy.Evaluation.RequestContext().Set("s3express:SessionMode", mode)).Value.IsAllowed;

        Assert.True(Allowed("ReadOnly"));
        Assert.False(Allowed("ReadWrite"));
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
