using System.Text;
using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Protocol;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>Hand-written unsigned aws-chunked bodies exercising the framing rules.</summary>
public class AwsChunkedDecoderFormatTests
{
    private static async Task<(AwsChunkedResult Result, string Decoded)> DecodeAsync(string body, string length, string? trailer = "x-amz-checksum-crc32", string mode = ContentSha256.StreamingUnsignedTrailer)
    {
        var options = new AwsChunkedOptions { ContentSha256 = mode, DecodedContentLength = length, Trailer = trailer };
        using var destination = new MemoryStream();
        var result = await new AwsChunkedDecoder(options).DecodeAsync(new MemoryStream(Encoding.Latin1.GetBytes(body)), destination);
        return (result, Encoding.Latin1.GetString(destination.ToArray()));
    }

    [Fact]
    public async Task Decode_TwoUnsignedChunks_Concatenates()
    {
        var (result, decoded) = await DecodeAsync("6\r\nhello \r\n5\r\nworld\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n", "11");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("hello world", decoded);
    }

    [Fact]
    public async Task Decode_EmptyBody_OnlyTheFinalChunk()
    {
        var (result, decoded) = await DecodeAsync("0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n", "0");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(string.Empty, decoded);
        Assert.Equal(1, result.ChunkCount);
    }

    [Fact]
    public async Task Decode_MissingFinalBlankLine_IsTolerated()
    {
        var (result, _) = await DecodeAsync("b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n", "11");

        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Theory]
    [InlineData("zz\r\nhello world\r\n0\r\n\r\n", "Malformed chunk header: 'zz'.")]
    [InlineData("b\r\nhello worldXX0\r\n\r\n", "Chunk data of 11 bytes is not followed by CRLF.")]
    [InlineData("b\nhello world\r\n0\r\n\r\n", "Line not terminated by CRLF: 'b'.")]
    [InlineData("b\r\nhello world\r\n0\r\nbroken trailer\r\n\r\n", "Malformed trailer line: 'broken trailer'.")]
    public async Task Decode_BrokenFraming_InvalidRequestQuotingTheText(string body, string message)
    {
        var (result, _) = await DecodeAsync(body, "11");

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public async Task Decode_HugeChunkSize_RefusedWithoutReading()
    {
        var (result, decoded) = await DecodeAsync("7fffffffffffffff\r\nxx", "10");

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Empty(decoded);
    }

    [Fact]
    public async Task Decode_DeclaredTrailerNotSent_InvalidRequest()
    {
        var (result, _) = await DecodeAsync("b\r\nhello world\r\n0\r\n\r\n", "11");

        Assert.Equal("The trailer 'x-amz-checksum-crc32' declared in x-amz-trailer was not sent exactly once.", result.Error!.Message);
    }

    [Fact]
    public async Task Decode_UnsupportedTrailerAlgorithm_InvalidRequest()
    {
        var (result, _) = await DecodeAsync("0\r\n\r\n", "0", trailer: "x-amz-checksum-md5");

        Assert.Equal("The value specified in the x-amz-trailer header is not supported: 'x-amz-checksum-md5'.", result.Error!.Message);
    }

    [Fact]
    public async Task Decode_PlainPayloadHash_IsNotAwsChunked()
    {
        var (result, _) = await DecodeAsync("0\r\n\r\n", "0", mode: ContentSha256.UnsignedPayload);

        Assert.Equal("x-amz-content-sha256 'UNSIGNED-PAYLOAD' does not announce an aws-chunked body.", result.Error!.Message);
    }

    [Fact]
    public async Task Decode_SignedModeWithoutSigner_IsTheClientsInvalidRequest()
    {
        var (result, _) = await DecodeAsync("0\r\n\r\n", "0", trailer: null, mode: ContentSha256.StreamingSigned);

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal(400, result.Error.StatusCode);
        Assert.Equal("X-Amz-Content-SHA256 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' declares a signed aws-chunked body, but the request carries no signature.", result.Error.Message);
    }
}
