using static IamLab.Endpoint.Protocol.ChunkedBodyReader;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// The trailer section of an aws-chunked body: <c>name:value</c> lines after the final chunk, optionally signed by
/// <c>x-amz-trailer-signature</c>, carrying the checksum declared in <c>X-Amz-Trailer</c>.
/// </summary>
internal static class ChunkTrailers
{
    private const int MaxTrailerLines = 16;
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    public static async Task<(List<KeyValuePair<string, string>> Trailers, string? Signature, AwsError? Error)> ReadAsync(
        ChunkedBodyReader reader, int maxLineLength, CancellationToken cancellationToken)
    {
        var trailers = new List<KeyValuePair<string, string>>();
        string? signature = null;
        while (true)
        {
            var (status, line) = await reader.ReadLineAsync(maxLineLength, cancellationToken);
            if (status == LineStatus.EndOfStream || (status == LineStatus.Ok && line.Length == 0))
            {
                // INVARIANT: a missing final CRLF is tolerated; every byte before it has been checked.
                return (trailers, signature, null);
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (status != LineStatus.Ok || colon < 1 || trailers.Count >= MaxTrailerLines)
            {
                return (trailers, signature, status != LineStatus.Ok ? AwsChunkedDecoder.LineError(status, line) : AwsChunkedErrors.InvalidRequest($"Malformed trailer line: '{line}'."));
            }

            if (string.Equals(line[..colon].Trim(), TrailerSignatureName, StringComparison.OrdinalIgnoreCase))
            {
                signature = line[(colon + 1)..].Trim();
            }
            else
            {
                trailers.Add(KeyValuePair.Create(line[..colon], line[(colon + 1)..]));
            }
        }
    }

    public static AwsError? Check(List<KeyValuePair<string, string>> trailers, string? signature, ChunkSignatureChain? chain, S3Checksum? checksum)
    {
        if (checksum is null)
        {
            return trailers.Count == 0 && signature is null ? null : AwsChunkedErrors.InvalidRequest("The body carries trailers but x-amz-content-sha256 announced none.");
        }

        if (chain is not null && (signature is null || !chain.VerifyTrailer(trailers, signature)))
        {
            return AwsChunkedErrors.SignatureDoesNotMatch();
        }

        var undeclared = trailers.FirstOrDefault(t => !string.Equals(t.Key.Trim(), checksum.HeaderName, StringComparison.OrdinalIgnoreCase));
        if (undeclared.Key is not null)
        {
            return AwsChunkedErrors.InvalidRequest($"The trailer '{undeclared.Key}' was not declared in x-amz-trailer.");
        }

        if (trailers.Count != 1)
        {
            return AwsChunkedErrors.InvalidRequest($"The trailer '{checksum.HeaderName}' declared in x-amz-trailer was not sent exactly once.");
        }

        return string.Equals(trailers[0].Value.Trim(), checksum.ToBase64(), StringComparison.Ordinal) ? null : AwsChunkedErrors.BadDigest(checksum.Algorithm);
    }
}
