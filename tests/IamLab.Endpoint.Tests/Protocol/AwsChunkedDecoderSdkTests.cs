using System.Text;
using Amazon.S3;
using IamLab.Endpoint.Auth;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>Bodies captured from AWSSDK.S3 4.1.0 PutObject, decoded and verified.</summary>
public class AwsChunkedDecoderSdkTests
{
    private static byte[] Content(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251))];

    [Fact]
    public async Task Decode_SmallSignedPut_YieldsContentAndSignedCrc32Trailer()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));
        Assert.Equal(ContentSha256.StreamingSignedTrailer, capture.Options.ContentSha256);

        var (result, decoded) = await capture.DecodeAsync();

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("hello world", Encoding.UTF8.GetString(decoded));
        Assert.Equal(11, result.DecodedLength);
        Assert.Equal(2, result.ChunkCount);
        Assert.Equal([KeyValuePair.Create("x-amz-checksum-crc32", "DUoRhQ==")], result.Trailers);
    }

    [Fact]
    public async Task Decode_MultiChunkSignedPut_YieldsEveryByteInOrder()
    {
        var content = Content(200_000);
        var capture = await StreamingCapture.PutAsync(content);

        var (result, decoded) = await capture.DecodeAsync();

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(content, decoded);
        Assert.Equal(4, result.ChunkCount);
    }

    [Fact]
    public async Task PutEmptyObject_SdkSendsPlainPayloadHash_NotAwsChunked()
    {
        var capture = await StreamingCapture.PutAsync([]);

        Assert.Equal(ContentSha256.EmptyPayloadHash, capture.Options.ContentSha256);
        Assert.False(ContentSha256.IsStreaming(capture.Options.ContentSha256));
    }

    [Theory]
    [InlineData("CRC32C", "x-amz-checksum-crc32c")]
    [InlineData("CRC64NVME", "x-amz-checksum-crc64nvme")]
    [InlineData("SHA1", "x-amz-checksum-sha1")]
    [InlineData("SHA256", "x-amz-checksum-sha256")]
    public async Task Decode_UnsignedTrailerPut_VerifiesTheChosenChecksum(string algorithm, string trailer)
    {
        var content = Content(100_000);
        var capture = await StreamingCapture.PutAsync(content, p =>
        {
            p.DisablePayloadSigning = true;
            p.ChecksumAlgorithm = ChecksumAlgorithm.FindValue(algorithm);
        }, "https://127.0.0.1:4566");
        Assert.Equal(ContentSha256.StreamingUnsignedTrailer, capture.Options.ContentSha256);

        var (result, decoded) = await capture.DecodeAsync();

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(content, decoded);
        Assert.Equal(trailer, Assert.Single(result.Trailers).Key);
    }

    [Fact]
    public async Task Decode_UnsignedTrailerWithWrongChecksum_BadDigest()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"), p => p.DisablePayloadSigning = true, "https://127.0.0.1:4566");
        var tampered = capture.BodyText.Replace("hello world", "hello World", StringComparison.Ordinal);

        var (result, _) = await capture.DecodeAsync(tampered);

        Assert.Equal("BadDigest", result.Error!.Code);
        Assert.Equal("The CRC32 you specified did not match the calculated checksum.", result.Error.Message);
        Assert.Equal(400, result.Error.StatusCode);
    }

    [Fact]
    public async Task Decode_TamperedChunkData_SignatureDoesNotMatch()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));

        var (result, _) = await capture.DecodeAsync(capture.BodyText.Replace("hello world", "hello World", StringComparison.Ordinal));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Fact]
    public async Task Decode_TamperedChunkSignature_SignatureDoesNotMatch()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));
        var body = capture.BodyText;
        var at = body.IndexOf("chunk-signature=", StringComparison.Ordinal) + "chunk-signature=".Length;
        var tampered = body[..at] + (body[at] == '0' ? '1' : '0') + body[(at + 1)..];

        var (result, _) = await capture.DecodeAsync(tampered);

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Decode_TamperedTrailerChecksum_SignatureDoesNotMatchBecauseTheTrailerIsSigned()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));

        var (result, _) = await capture.DecodeAsync(capture.BodyText.Replace("DUoRhQ==", "AAAAAA==", StringComparison.Ordinal));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Decode_MiddleChunkDropped_SignatureDoesNotMatch()
    {
        var capture = await StreamingCapture.PutAsync(Content(200_000));
        var body = capture.BodyText;
        var second = body.IndexOf("\r\n14000;", StringComparison.Ordinal) + 2;
        var third = body.IndexOf("\r\n8D40;", StringComparison.Ordinal) + 2;
        var dropped = body[..second] + body[third..];

        var (result, _) = await capture.DecodeAsync(dropped, lengthAdjust: -0x14000);

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Decode_SignerOfAnotherRequest_SignatureDoesNotMatch()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));
        var other = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello there, a longer body"));

        var (result, _) = await capture.DecodeAsync(o => o with { Signer = other.Signer });

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Decode_BodyCutShort_IncompleteBody()
    {
        var capture = await StreamingCapture.PutAsync(Content(200_000));

        var (result, _) = await capture.DecodeAsync(capture.BodyText[..100_000]);

        Assert.Equal("IncompleteBody", result.Error!.Code);
        Assert.Equal("You did not provide the number of bytes specified by the Content-Length HTTP header.", result.Error.Message);
    }

    [Fact]
    public async Task Decode_DeclaredLengthLargerThanChunks_IncompleteBody()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));

        var (result, _) = await capture.DecodeAsync(o => o with { DecodedContentLength = "12" });

        Assert.Equal("IncompleteBody", result.Error!.Code);
    }

    [Fact]
    public async Task Decode_DeclaredLengthSmallerThanChunks_InvalidRequestBeforeReadingTheExcess()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));

        var (result, decoded) = await capture.DecodeAsync(o => o with { DecodedContentLength = "5" });

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal("The chunks carry more than the 5 bytes declared in x-amz-decoded-content-length.", result.Error.Message);
        Assert.Empty(decoded);
    }

    [Fact]
    public async Task Decode_ChunkOverTheLimit_RefusedBeforeItsDataIsRead()
    {
        var capture = await StreamingCapture.PutAsync(Content(200_000));

        var (result, decoded) = await capture.DecodeAsync(o => o with { MaxChunkSize = 65_536 });

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal("Chunk size 81920 exceeds the limit of 65536 bytes.", result.Error.Message);
        Assert.Empty(decoded);
    }

    [Fact]
    public async Task Decode_MissingDecodedContentLength_InvalidRequest()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));

        var (result, _) = await capture.DecodeAsync(o => o with { DecodedContentLength = null });

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal("Missing required header for this request: x-amz-decoded-content-length", result.Error.Message);
    }

    [Fact]
    public async Task Decode_TrailerDeclaredDifferentlyThanSent_InvalidRequest()
    {
        var capture = await StreamingCapture.PutAsync(Encoding.UTF8.GetBytes("hello world"));

        var (result, _) = await capture.DecodeAsync(o => o with { Trailer = "x-amz-checksum-sha256" });

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal("The trailer 'x-amz-checksum-crc32' was not declared in x-amz-trailer.", result.Error.Message);
    }
}
