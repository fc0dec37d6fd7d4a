namespace IamLab.World.Tests.Iam;

/// <summary>IAM's validation of policies on the way in: size quotas (LimitExceeded) and MalformedPolicyDocument.</summary>
public class PolicyValidationTests
{
    // A policy of exactly n characters that are not white space, made of one Allow on a long bucket name.
    private static string PolicyOfSize(int size, string action = "s3:GetObject")
    {
        var head = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"arn:aws:s3:::""";
        const string tail = "\"}]}";
        return head + new string('b', size - head.Length - tail.Length) + tail;
    }

    private static string TrustOfSize(int size)
    {
        const string head = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Sid":"S""";
        const string tail = "\"}]}";
        return head + new string('x', size - head.Length - tail.Length) + tail;
    }

    [Fact]
    public void CreatePolicy_Over6144Characters_LimitExceeded()
    {
        var lab = new Article();
        Assert.True(lab.Dev1.CreatePolicy("AtTheLimit", PolicyOfSize(6144)).IsSuccess);

        var error = lab.Dev1.CreatePolicy("OverTheLimit", PolicyOfSize(6145)).Error!;

        Assert.Equal(("LimitExceeded", "Cannot exceed quota for PolicySize: 6144", 409), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void CreateRole_TrustSidWithHyphen_MalformedPolicyDocument_InIamsWords()
    {
        // IAM User Guide, "IAM JSON policy elements: Sid": letters and digits only; IAM's answer quoted as AWS gives it.
        var lab = new Article();
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Sid":"Allow-EC2","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

        var error = lab.Dev1.CreateRole("WebServer", Trust).Error!;

        Assert.Equal(("MalformedPolicyDocument", "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*"), (error.Code, error.Message));
        Assert.True(lab.Dev1.CreateRole("WebServer", Trust.Replace("Allow-EC2", "AllowEC2", StringComparison.Ordinal)).IsSuccess);
    }

    [Fact]
    public void PolicySize_DoesNotCountWhiteSpace()
    {
        var lab = new Article();
        var spaced = PolicyOfSize(6144).Replace(",", ",\n        ", StringComparison.Ordinal);

        Assert.True(lab.Dev1.CreatePolicy("Spaced", spaced).IsSuccess);
    }

    [Fact]
    public void CreateRole_TrustPolicyOver2048Characters_LimitExceeded()
    {
        var lab = new Article();
        Assert.True(lab.Dev1.CreateRole("AtTheLimit", TrustOfSize(2048)).IsSuccess);

        var error = lab.Dev1.CreateRole("OverTheLimit", TrustOfSize(2049)).Error!;

        Assert.Equal(("LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048", 409), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void UpdateAssumeRolePolicy_Over2048Characters_LimitExceeded()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust).Value;

        var error = lab.Dev1.UpdateAssumeRolePolicy("EC2S3AccessRole", TrustOfSize(2049)).Error!;

        Assert.Equal(("LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048"), (error.Code, error.Message));
        Assert.Equal(Article.Ec2Trust, lab.Dev1.GetRole("EC2S3AccessRole").Value.TrustPolicy.Json);
    }

    [Fact]
    public void PutRolePolicy_AllInlinePoliciesTogetherOver10240_LimitExceeded()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;
        _ = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "First", PolicyOfSize(6000)).Value;

        var error = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "Second", PolicyOfSize(4241)).Error!;

        Assert.Equal(("LimitExceeded", "Maximum policy size of 10240 bytes exceeded for role LambdaS3ReadRole", 409), (error.Code, error.Message, error.HttpStatus));
        Assert.True(lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "Second", PolicyOfSize(4240)).IsSuccess);
        // Replacing a policy counts only the new version of it.
        Assert.True(lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "First", PolicyOfSize(6000)).IsSuccess);
    }

    [Fact]
    public void PutUserPolicy_Over2048_LimitExceeded()
    {
        var error = new Article().Dev1.PutUserPolicy("alice", "Big", PolicyOfSize(2049)).Error!;

        Assert.Equal(("LimitExceeded", "Maximum policy size of 2048 bytes exceeded for user alice"), (error.Code, error.Message));
    }

    [Fact]
    public void CreatePolicy_WithPrincipal_MalformedPolicyDocument()
    {
        var error = new Article().Dev1.CreatePolicy("P", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""").Error!;

        Assert.Equal(("MalformedPolicyDocument", "Policy document should not specify a principal.", 400), (error.Code, error.Message, error.HttpStatus));
    }

    [Fact]
    public void PutRolePolicy_WithoutResource_MalformedPolicyDocument()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("LambdaS3ReadRole", Article.LambdaTrust).Value;

        var error = lab.Dev1.PutRolePolicy("LambdaS3ReadRole", "S3ReadPolicy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}""").Error!;

        Assert.Equal(("MalformedPolicyDocument", "Policy statement must contain resources."), (error.Code, error.Message));
    }

    [Fact]
    public void CreateRole_TrustPolicyWithResource_MalformedPolicyDocument()
    {
        var error = new Article().Dev1.CreateRole("EC2S3AccessRole",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]}""").Error!;

        Assert.Equal(("MalformedPolicyDocument", "Has prohibited field Resource"), (error.Code, error.Message));
    }

    [Fact]
    public void CreateRole_MaxSessionDurationBelow3600_ValidationError()
    {
        var error = new Article().Dev1.CreateRole("EC2S3AccessRole", Article.Ec2Trust, maxSessionDuration: 3599).Error!;

        Assert.Equal(("ValidationError", "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600"),
            (error.Code, error.Message));
    }
}
