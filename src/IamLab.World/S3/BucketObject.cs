namespace IamLab.World.S3;

/// <summary>An object in a bucket.</summary>
public sealed record BucketObject(string Key, byte[] Content, DateTimeOffset LastModified);
