namespace IamLab.World.S3;

/// <summary>
/// An object in a bucket, with the Content-Type it was stored with (null when none was given) and the additional
/// checksum it was uploaded with (S3's <c>x-amz-checksum-*</c>: the algorithm, e.g. <c>CRC32</c>, and the base64 value),
/// which GetObject returns when asked with <c>x-amz-checksum-mode: ENABLED</c>.
/// </summary>
public sealed record BucketObject(string Key, byte[] Content, DateTimeOffset LastModified, string? ContentType = null,
    string? ChecksumAlgorithm = null, string? Checksum = null);
