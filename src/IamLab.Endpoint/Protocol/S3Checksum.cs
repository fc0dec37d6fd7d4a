using System.Security.Cryptography;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// One of S3's additional checksums (<c>x-amz-checksum-*</c>), computed incrementally and compared in
/// S3's base64 form.
/// </summary>
public sealed class S3Checksum : IDisposable
{
    private readonly Crc? _crc;
    private readonly IncrementalHash? _hash;

    private S3Checksum(string algorithm, string headerName, Crc? crc, IncrementalHash? hash)
    {
        Algorithm = algorithm;
        HeaderName = headerName;
        _crc = crc;
        _hash = hash;
    }

    /// <summary>The algorithm's name as S3 writes it, e.g. <c>CRC32</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The header or trailer carrying the value, e.g. <c>x-amz-checksum-crc32</c>.</summary>
    public string HeaderName { get; }

    /// <summary>Starts the checksum named by a header, or returns null for a name S3 does not define.</summary>
    /// <param name="headerName">The header name, any case.</param>
    /// <returns>A fresh checksum or null.</returns>
    public static S3Checksum? ForHeader(string? headerName) => headerName?.Trim().ToLowerInvariant() switch
    {
        "x-amz-checksum-crc32" => new("CRC32", "x-amz-checksum-crc32", Crc.Crc32(), null),
        "x-amz-checksum-crc32c" => new("CRC32C", "x-amz-checksum-crc32c", Crc.Crc32C(), null),
        "x-amz-checksum-crc64nvme" => new("CRC64NVME", "x-amz-checksum-crc64nvme", Crc.Crc64Nvme(), null),
        "x-amz-checksum-sha1" => new("SHA1", "x-amz-checksum-sha1", null, IncrementalHash.CreateHash(HashAlgorithmName.SHA1)),
        "x-amz-checksum-sha256" => new("SHA256", "x-amz-checksum-sha256", null, IncrementalHash.CreateHash(HashAlgorithmName.SHA256)),
        _ => null,
    };

    /// <summary>Feeds bytes into the checksum.</summary>
    /// <param name="data">The next bytes.</param>
    public void Append(ReadOnlySpan<byte> data)
    {
        _crc?.Append(data);
        _hash?.AppendData(data);
    }

    /// <summary>The checksum of everything appended, base64-encoded as S3 sends it. Call once.</summary>
    /// <returns>The base64 text.</returns>
    public string ToBase64() =>
        Convert.ToBase64String(_crc is not null ? _crc.ToBigEndianBytes() : _hash!.GetHashAndReset());

    /// <inheritdoc />
    public void Dispose() => _hash?.Dispose();
}
