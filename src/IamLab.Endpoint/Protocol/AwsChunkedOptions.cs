using IamLab.Endpoint.Auth;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// What an <see cref="AwsChunkedDecoder"/> needs to know about the request: the streaming mode, the declared
/// decoded length, the declared trailer, the signer (for chunk signatures) and the chunk size limit.
/// Header values are kept as sent; the decoder validates them and reports problems as errors.
/// </summary>
public sealed record AwsChunkedOptions
{
    /// <summary>The default refusal limit for one chunk: 16 MiB (the AWS SDKs send 64 KiB to 1 MiB chunks).</summary>
    public const int DefaultMaxChunkSize = 16 * 1024 * 1024;

    /// <summary>The <c>X-Amz-Content-SHA256</c> value, one of the <see cref="ContentSha256"/> streaming markers.</summary>
    public required string ContentSha256 { get; init; }

    /// <summary>The <c>X-Amz-Decoded-Content-Length</c> value as sent, or null when absent.</summary>
    public string? DecodedContentLength { get; init; }

    /// <summary>The <c>X-Amz-Trailer</c> value as sent (e.g. <c>x-amz-checksum-crc32</c>), or null when absent.</summary>
    public string? Trailer { get; init; }

    /// <summary>The verified signer whose signature seeds the chunk signatures; required for signed streaming.</summary>
    public SigV4Identity? Signer { get; init; }

    /// <summary>The largest chunk accepted; larger chunk sizes are refused before any of their data is read.</summary>
    public int MaxChunkSize { get; init; } = DefaultMaxChunkSize;

    /// <summary>Reads the options from the request's headers.</summary>
    /// <param name="request">The request whose body is aws-chunked.</param>
    /// <param name="signer">The verified signer, or null for unsigned streaming.</param>
    /// <returns>The options.</returns>
    public static AwsChunkedOptions FromRequest(SignedRequest request, SigV4Identity? signer)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new AwsChunkedOptions
        {
            ContentSha256 = request.Header("X-Amz-Content-SHA256") ?? string.Empty,
            DecodedContentLength = request.Header("X-Amz-Decoded-Content-Length"),
            Trailer = request.Header("X-Amz-Trailer"),
            Signer = signer,
        };
    }
}
