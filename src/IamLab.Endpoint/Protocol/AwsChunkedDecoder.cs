using System.Globalization;
using System.Security.Cryptography;
using IamLab.Endpoint.Auth;
using static IamLab.Endpoint.Protocol.ChunkedBodyReader;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// Decodes an S3 <c>Content-Encoding: aws-chunked</c> body as the AWS SDKs send it:
/// <c>&lt;hex size&gt;;chunk-signature=&lt;sig&gt;\r\n&lt;data&gt;\r\n … 0;chunk-signature=&lt;sig&gt;\r\n&lt;trailers&gt;\r\n</c>,
/// verifying the chained chunk signatures, the trailer signature, the trailing checksum and the decoded length.
/// </summary>
/// <remarks>
/// The body is streamed through a fixed buffer; chunks larger than <see cref="AwsChunkedOptions.MaxChunkSize"/>
/// are refused before their data is read. Data reaches the destination as it arrives, so on failure the caller
/// discards what was written. Supports STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER) and STREAMING-UNSIGNED-PAYLOAD-TRAILER.
/// </remarks>
public sealed class AwsChunkedDecoder
{
    private const int BufferSize = 64 * 1024;
    private const int MaxLineLength = 4096;

    private readonly AwsChunkedOptions _options;

    /// <summary>Creates a decoder for one request body.</summary>
    /// <param name="options">The request's streaming headers and signer.</param>
    public AwsChunkedDecoder(AwsChunkedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxChunkSize);
        _options = options;
    }

    /// <summary>Decodes <paramref name="body"/> into <paramref name="destination"/>, verifying as it goes.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="destination">Receives the decoded data.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Success with the decoded length and trailers, or an S3 error.</returns>
    public async Task<AwsChunkedResult> DecodeAsync(Stream body, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(destination);
        var setupError = ReadSetup(out var declaredLength, out var signed, out var trailerName);
        if (setupError is not null)
        {
            return AwsChunkedResult.Failure(setupError, 0, 0);
        }

        if (signed && _options.Signer is null)
        {
            // A request without a signature (anonymous) cannot seed a chain of chunk signatures: the client's mistake,
            // answered as one, never a server error.
            return AwsChunkedResult.Failure(AwsChunkedErrors.InvalidRequest(
                $"X-Amz-Content-SHA256 '{_options.ContentSha256}' declares a signed aws-chunked body, but the request carries no signature."), 0, 0);
        }

        var chain = signed ? new ChunkSignatureChain(_options.Signer!) : null;
        using var checksum = S3Checksum.ForHeader(trailerName);
        using var chunkHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var reader = new ChunkedBodyReader(body, BufferSize);
        long total = 0;
        var chunks = 0;
        while (true)
        {
            var (status, line) = await reader.ReadLineAsync(MaxLineLength, cancellationToken);
            var (size, signature, headerError) = status == LineStatus.Ok ? ParseChunkHeader(line, signed) : (0, null, LineError(status, line));
            headerError ??= size > _options.MaxChunkSize
                ? AwsChunkedErrors.InvalidRequest($"Chunk size {size} exceeds the limit of {_options.MaxChunkSize} bytes.")
                : size > declaredLength - total
                    ? AwsChunkedErrors.InvalidRequest($"The chunks carry more than the {declaredLength} bytes declared in x-amz-decoded-content-length.")
                    : null;
            if (headerError is not null)
            {
                return AwsChunkedResult.Failure(headerError, total, chunks);
            }

            chunks++;
            for (var remaining = size; remaining > 0;)
            {
                var block = await reader.ReadBlockAsync(remaining, cancellationToken);
                if (block.IsEmpty)
                {
                    return AwsChunkedResult.Failure(AwsChunkedErrors.IncompleteBody(), total, chunks);
                }

                if (chain is not null)
                {
                    chunkHash.AppendData(block.Span);
                }

                checksum?.Append(block.Span);
                await destination.WriteAsync(block, cancellationToken);
                remaining -= block.Length;
                total += block.Length;
            }

            var hash = Convert.ToHexStringLower(chunkHash.GetHashAndReset());
            if (chain is not null && !chain.VerifyChunk(hash, signature!))
            {
                return AwsChunkedResult.Failure(AwsChunkedErrors.SignatureDoesNotMatch(), total, chunks);
            }

            if (size == 0)
            {
                break;
            }

            var (endStatus, rest) = await reader.ReadLineAsync(0, cancellationToken);
            if (endStatus != LineStatus.Ok || rest.Length != 0)
            {
                return AwsChunkedResult.Failure(endStatus is LineStatus.EndOfStream or LineStatus.Truncated
                    ? AwsChunkedErrors.IncompleteBody()
                    : AwsChunkedErrors.InvalidRequest($"Chunk data of {size} bytes is not followed by CRLF."), total, chunks);
            }
        }

        if (total != declaredLength)
        {
            return AwsChunkedResult.Failure(AwsChunkedErrors.IncompleteBody(), total, chunks);
        }

        var (trailers, trailerSignature, trailerError) = await ChunkTrailers.ReadAsync(reader, MaxLineLength, cancellationToken);
        trailerError ??= ChunkTrailers.Check(trailers, trailerSignature, chain, checksum);
        return trailerError is null
            ? AwsChunkedResult.Success(total, trailers, chunks)
            : AwsChunkedResult.Failure(trailerError, total, chunks);
    }

    private AwsError? ReadSetup(out long declaredLength, out bool signed, out string? trailerName)
    {
        declaredLength = 0;
        trailerName = null;
        var mode = _options.ContentSha256;
        signed = mode is ContentSha256.StreamingSigned or ContentSha256.StreamingSignedTrailer;
        var hasTrailer = mode is ContentSha256.StreamingSignedTrailer or ContentSha256.StreamingUnsignedTrailer;
        if (mode is ContentSha256.StreamingEcdsa or ContentSha256.StreamingEcdsaTrailer)
        {
            return AwsChunkedErrors.InvalidRequest($"x-amz-content-sha256 '{mode}' (SigV4a) is not supported by this endpoint.");
        }

        if (!signed && !hasTrailer)
        {
            return AwsChunkedErrors.InvalidRequest($"x-amz-content-sha256 '{mode}' does not announce an aws-chunked body.");
        }

        if (_options.DecodedContentLength is null)
        {
            return AwsChunkedErrors.InvalidRequest("Missing required header for this request: x-amz-decoded-content-length");
        }

        if (!long.TryParse(_options.DecodedContentLength, NumberStyles.None, CultureInfo.InvariantCulture, out declaredLength))
        {
            return AwsChunkedErrors.InvalidRequest($"Invalid x-amz-decoded-content-length: '{_options.DecodedContentLength}'.");
        }

        if (!hasTrailer)
        {
            return _options.Trailer is null ? null : AwsChunkedErrors.InvalidRequest($"x-amz-trailer '{_options.Trailer}' needs a *-TRAILER x-amz-content-sha256, not '{mode}'.");
        }

        trailerName = _options.Trailer?.Trim().ToLowerInvariant();
        if (trailerName is null)
        {
            return AwsChunkedErrors.InvalidRequest("Missing required header for this request: x-amz-trailer");
        }

        using var probe = S3Checksum.ForHeader(trailerName);
        return probe is null ? AwsChunkedErrors.InvalidRequest($"The value specified in the x-amz-trailer header is not supported: '{_options.Trailer}'.") : null;
    }

    private static (long Size, string? Signature, AwsError? Error) ParseChunkHeader(string line, bool signed)
    {
        var parts = line.Split(';');
        var sizeText = parts[0];
        if (sizeText.Length is 0 or > 15 || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            return (0, null, AwsChunkedErrors.InvalidRequest($"Malformed chunk header: '{line}'."));
        }

        if (!signed)
        {
            return (size, null, null);
        }

        const string prefix = "chunk-signature=";
        var signature = parts.Skip(1).FirstOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        return signature is { Length: 64 }
            ? (size, signature, null)
            : (0, null, AwsChunkedErrors.InvalidRequest($"Chunk header '{line}' lacks a chunk-signature."));
    }

    internal static AwsError LineError(LineStatus status, string line) => status switch
    {
        LineStatus.EndOfStream or LineStatus.Truncated => AwsChunkedErrors.IncompleteBody(),
        LineStatus.TooLong => AwsChunkedErrors.InvalidRequest($"Chunk header or trailer line longer than {MaxLineLength} bytes: '{line}…'."),
        _ => AwsChunkedErrors.InvalidRequest($"Line not terminated by CRLF: '{line}'."),
    };
}
