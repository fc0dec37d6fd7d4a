using IamLab.Endpoint.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>S3's general purpose bucket naming rules and the key length limit.</summary>
public sealed class S3NamesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("my.bucket-2026")]
    [InlineData("0-starts-with-a-digit")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 63 characters
    [InlineData("1.2.3")] // dotted digits that are not an IP address
    public void ValidNames_AreAccepted(string name) => Assert.True(S3Names.IsValidBucketName(name));

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 64 characters
    [InlineData("ends-with-hyphen-")]
    [InlineData("a..b")]
    [InlineData("10.0.0.1")]
    [InlineData("sthree-reserved")]
    [InlineData("amzn-s3-demo-bucket")]
    [InlineData("bucket-s3alias")]
    [InlineData("bucket--ol-s3")]
    [InlineData("bucket.mrap")]
    [InlineData("bucket--x-s3")]
    [InlineData("bucket--table-s3")]
    [InlineData("UPPER")]
    [InlineData("_imds")]
    public void InvalidNames_AreRefused(string name) => Assert.False(S3Names.IsValidBucketName(name));

    [Fact]
    public void KeyLength_IsCountedInUtf8Bytes()
    {
        // 512 two-byte characters are 1,024 bytes (allowed); one more ASCII character makes 1,025.
        var twoByte = new string('é', 512);

        Assert.Null(S3Names.KeyTooLong(twoByte));
        Assert.Equal(1025, S3Names.KeyTooLong(twoByte + "x"));
    }
}
