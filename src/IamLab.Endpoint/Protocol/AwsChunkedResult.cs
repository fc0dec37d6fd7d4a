using System.Diagnostics.CodeAnalysis;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// The outcome of decoding an aws-chunked body. On failure the bytes already written to the destination
/// must be discarded: the body is streamed, so a bad chunk or checksum is only found once seen.
/// </summary>
public sealed class AwsChunkedResult
{
    private AwsChunkedResult(AwsError? error, long decodedLength, IReadOnlyList<KeyValuePair<string, string>> trailers, int chunkCount)
    {
        Error = error;
        DecodedLength = decodedLength;
        Trailers = trailers;
        ChunkCount = chunkCount;
    }

    /// <summary>The S3 error, or null when every chunk, signature and checksum checked out.</summary>
    public AwsError? Error { get; }

    /// <summary>True when the body decoded and verified completely.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>How many data bytes were written to the destination.</summary>
    public long DecodedLength { get; }

    /// <summary>The trailer lines received (e.g. <c>x-amz-checksum-crc32</c>), without the trailer signature.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Trailers { get; }

    /// <summary>How many chunks were read, the final zero-length chunk included.</summary>
    public int ChunkCount { get; }

    internal static AwsChunkedResult Success(long decodedLength, IReadOnlyList<KeyValuePair<string, string>> trailers, int chunkCount) =>
        new(null, decodedLength, trailers, chunkCount);

    internal static AwsChunkedResult Failure(AwsError error, long decodedLength, int chunkCount) =>
        new(error, decodedLength, [], chunkCount);
}
