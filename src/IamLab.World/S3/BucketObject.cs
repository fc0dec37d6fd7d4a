namespace IamLab.World.S3;

/// <summary>An object in a bucket, with the Content-Type it was stored with (null when none was given).</summary>
public sealed record BucketObject(string Key, byte[] Content, DateTimeOffset LastModified, string? ContentType = null);
