using IamLab.Policy.Model;
using Xunit;

namespace IamLab.Policy.Tests.Model;

/// <summary>The ARN value type: AWS General Reference, "Amazon Resource Names (ARNs)" (arn:partition:service:region:account-id:resource).</summary>
public class ArnTests
{
    [Fact]
    public void IamRoleWithAPath_SplitsIntoItsParts()
    {
        var arn = Arn.Parse("arn:aws:iam::111111111111:role/dev/team/DeployRole");

        Assert.Equal(("aws", "iam", "", "111111111111"), (arn.Partition, arn.Service, arn.Region, arn.Account));
        Assert.Equal("role/dev/team/DeployRole", arn.Resource);
        Assert.Equal("role", arn.ResourceType);
        Assert.Equal("dev/team/DeployRole", arn.ResourceId);
        Assert.Equal("/dev/team/", arn.Path);
        Assert.Equal("DeployRole", arn.Name);
        Assert.True(arn.HasAccountId);
    }

    [Fact]
    public void ResourceWithColons_KeepsThemInTheResource()
    {
        var arn = Arn.Parse("arn:aws-cn:lambda:cn-north-1:111111111111:function:my-function:PROD");

        Assert.Equal("aws-cn", arn.Partition);
        Assert.Equal("cn-north-1", arn.Region);
        Assert.Equal("function:my-function:PROD", arn.Resource);
        Assert.Equal("function:my-function:PROD", arn.ResourceType);
        Assert.Equal(string.Empty, arn.Name);
    }

    [Fact]
    public void RootAndS3Bucket_HaveNoPathAndTheirOwnAccount()
    {
        var root = Arn.Parse("arn:aws:iam::222222222222:root");
        var bucket = Arn.Parse("arn:aws:s3:::my-bucket/key/with/slashes");

        Assert.Equal(("root", "/", ""), (root.ResourceType, root.Path, root.Name));
        Assert.Equal(string.Empty, bucket.Account);
        Assert.False(bucket.HasAccountId);
        Assert.Equal("my-bucket", bucket.ResourceType);
        Assert.Equal("slashes", bucket.Name);
    }

    [Fact]
    public void ToString_IsTheArnAsWritten()
    {
        const string text = "arn:aws:sts::111111111111:assumed-role/Admin/alice@example.com";

        Assert.Equal(text, Arn.Parse(text).ToString());
        Assert.Equal(Arn.Parse(text), Arn.Parse(text));
        Assert.NotEqual(Arn.Parse(text), Arn.Parse("arn:aws:sts::111111111111:assumed-role/Admin/bob"));
    }

    [Theory]
    [InlineData("role/Admin", "\"role/Admin\" is not an ARN: it does not begin with \"arn:\" (arn:partition:service:region:account:resource).")]
    [InlineData("arn:aws:iam:111111111111:role/Admin", "\"arn:aws:iam:111111111111:role/Admin\" is not an ARN: it has 4 of the 5 colons that separate arn:partition:service:region:account:resource.")]
    [InlineData("arn::iam::111111111111:role/Admin", "\"arn::iam::111111111111:role/Admin\" is not an ARN: its partition is empty (arn:partition:service:region:account:resource).")]
    [InlineData("arn:aws:::111111111111:x", "\"arn:aws:::111111111111:x\" is not an ARN: its service is empty (arn:partition:service:region:account:resource).")]
    [InlineData("arn:aws:iam::111111111111:", "\"arn:aws:iam::111111111111:\" is not an ARN: its resource is empty (arn:partition:service:region:account:resource).")]
    public void NotAnArn_IsRefusedWithAClearReason(string text, string reason)
    {
        Assert.False(Arn.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
        Assert.Null(Arn.TryParse(text));
        Assert.Equal(reason, Assert.Throws<FormatException>(() => Arn.Parse(text)).Message);
    }

    [Fact]
    public void AccountOf_IsNullForText_ThatIsNoArn()
    {
        Assert.Equal("111111111111", Arn.AccountOf("arn:aws:iam::111111111111:user/alice"));
        Assert.Null(Arn.AccountOf("111111111111"));
        Assert.Null(Arn.AccountOf(null));
    }

    [Fact]
    public void Default_HasEveryPartEmpty_NeverNull()
    {
        var none = default(Arn);

        Assert.Equal(string.Empty, none.Partition);
        Assert.Equal("/", none.Path);
        Assert.Equal(string.Empty, none.Name);
    }
}
