using IamLab.Endpoint.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>Reading bucket and key from the raw request target, without normalizing the key.</summary>
public sealed class S3TargetTests
{
    [Theory]
    [InlineData("/", null, null)]
    [InlineData("/bucket", "bucket", null)]
    [InlineData("/bucket/", "bucket", null)]
    [InlineData("/bucket?list-type=2", "bucket", null)]
    [InlineData("/bucket/a/../b", "bucket", "a/../b")]
    [InlineData("/bucket//x", "bucket", "/x")]
    [InlineData("/bucket/sp%20ace+plus", "bucket", "sp ace+plus")]
    [InlineData("/bucket/a%2Fb", "bucket", "a/b")]
    [InlineData("/bucket/%E9%8D%B5", "bucket", "鍵")]
    [InlineData("http://127.0.0.1:4566/bucket/k", "bucket", "k")]
    public void Parse_KeepsTheKeyExactlyAsSent(string rawTarget, string? bucket, string? key)
    {
        var target = S3Target.Parse(rawTarget);

        Assert.Equal(new S3Target(bucket, key), target);
    }

    [Theory]
    [InlineData("/bucket/%ZZ")]
    [InlineData("/bucket/%E9")]
    [InlineData("/bucket/%")]
    [InlineData("bucket/no-leading-slash")]
    public void Parse_BadEncoding_IsNull(string rawTarget) => Assert.Null(S3Target.Parse(rawTarget));

    [Fact]
    public void TheArnAndResource_NameTheObject()
    {
        var target = new S3Target("bucket", "a/b.txt");

        Assert.Equal("arn:aws:s3:::bucket/a/b.txt", target.Arn);
        Assert.Equal("/bucket/a/b.txt", target.Resource);
    }

    [Theory]
    [InlineData("lab-data.localhost", "lab-data")]
    [InlineData("LOCALHOST", null)]
    [InlineData("localhost", null)]
    [InlineData("127.0.0.1", null)]
    public void VirtualHostBucket_IsThePartBeforeLocalhost(string host, string? bucket) => Assert.Equal(bucket, S3Target.VirtualHostBucket(host));
}
