using System.Text;
using IamLab.Endpoint.Protocol;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>The catalogued check values of each CRC ("123456789") and S3's base64 form.</summary>
public class CrcTests
{
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    [Fact]
    public void Crc32_CheckValue()
    {
        var crc = Crc.Crc32();
        crc.Append(CheckInput);
        Assert.Equal(0xCBF43926UL, crc.Value);
    }

    [Fact]
    public void Crc32C_CheckValue()
    {
        var crc = Crc.Crc32C();
        crc.Append(CheckInput);
        Assert.Equal(0xE3069283UL, crc.Value);
    }

    [Fact]
    public void Crc64Nvme_CheckValue()
    {
        var crc = Crc.Crc64Nvme();
        crc.Append(CheckInput);
        Assert.Equal(0xAE8B14860A799888UL, crc.Value);
    }

    [Fact]
    public void Crc32_AppendedInPieces_EqualsAppendedAtOnce()
    {
        var crc = Crc.Crc32();
        crc.Append(CheckInput.AsSpan(0, 4));
        crc.Append(CheckInput.AsSpan(4));
        Assert.Equal(0xCBF43926UL, crc.Value);
    }

    [Fact]
    public void S3Checksum_Crc32OfHelloWorld_IsTheBase64TheSdkSends()
    {
        using var checksum = S3Checksum.ForHeader("X-Amz-Checksum-CRC32")!;
        checksum.Append(Encoding.ASCII.GetBytes("hello world"));
        Assert.Equal(("CRC32", "DUoRhQ=="), (checksum.Algorithm, checksum.ToBase64()));
    }

    [Fact]
    public void S3Checksum_UnknownHeader_IsNull() => Assert.Null(S3Checksum.ForHeader("x-amz-checksum-md5"));
}
