using IamLab.Endpoint.Protocol;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.S3;

/// <summary>
/// S3's additional checksums on PutObject: one <c>x-amz-checksum-ALGORITHM</c> header (CRC32, CRC32C, CRC64NVME,
/// SHA1, SHA256) or trailer, verified against the object's bytes before anything is stored (BadDigest on a
/// mismatch), stored with the object and returned by GetObject/HeadObject with <c>x-amz-checksum-mode: ENABLED</c>.
/// </summary>
internal static class S3ChecksumHeaders
{
    private static readonly string[] Names =
        ["x-amz-checksum-crc32", "x-amz-checksum-crc32c", "x-amz-checksum-crc64nvme", "x-amz-checksum-sha1", "x-amz-checksum-sha256"];

    /// <summary>
    /// The checksum the upload declares (header, or the trailer an aws-chunked body carried and the decoder already
    /// verified) checked against <paramref name="body"/>: the algorithm and value to store, none, or the error.
    /// </summary>
    public static (string? Algorithm, string? Value, AwsError? Error) Verify(HttpRequest request, byte[] body)
    {
        var declared = Names.Where(n => request.Headers.ContainsKey(n)).ToList();
        if (declared.Count > 1)
        {
            // S3's own wording for two checksum headers on one request.
            return (null, null, AwsChunkedErrors.InvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed."));
        }

        var trailer = request.Headers["X-Amz-Trailer"].ToString().Trim().ToLowerInvariant();
        var name = declared.Count == 1 ? declared[0] : Names.Contains(trailer) ? trailer : null;
        if (name is null)
        {
            return (null, null, null);
        }

        using var checksum = S3Checksum.ForHeader(name)!;
        checksum.Append(body);
        var actual = checksum.ToBase64();
        if (declared.Count == 0)
        {
            // A trailer: the aws-chunked decoder compared it with the decoded bytes already.
            return (checksum.Algorithm, actual, null);
        }

        var sent = request.Headers[name].ToString().Trim();
        if (!IsBase64(sent))
        {
            return (null, null, AwsChunkedErrors.InvalidRequest($"Value for {name} header is invalid."));
        }

        return sent == actual ? (checksum.Algorithm, actual, null) : (null, null, AwsChunkedErrors.BadDigest(checksum.Algorithm));
    }

    /// <summary>Writes the stored checksum on a GetObject/HeadObject response when the caller asked for it.</summary>
    public static void WriteIfAsked(HttpRequest request, HttpResponse response, string? algorithm, string? value, bool wholeObject)
    {
        if (algorithm is null || value is null || !wholeObject
            || !string.Equals(request.Headers["x-amz-checksum-mode"].ToString(), "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        response.Headers["x-amz-checksum-" + algorithm.ToLowerInvariant()] = value;
        response.Headers["x-amz-checksum-type"] = "FULL_OBJECT";
    }

    private static bool IsBase64(string text)
    {
        Span<byte> bytes = stackalloc byte[64];
        return text.Length > 0 && Convert.TryFromBase64String(text, bytes, out _);
    }
}
