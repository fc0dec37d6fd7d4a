using System.Text.Json.Serialization;
using IamLab.World.Iam;

namespace IamLab.World.S3;

/// <summary>An S3 bucket: its owner, its bucket policy and its objects.</summary>
public sealed class Bucket
{
    [JsonConstructor]
    internal Bucket()
    {
    }

    /// <summary>The globally unique bucket name.</summary>
    [JsonInclude] public string Name { get; internal set; } = string.Empty;

    /// <summary>The owning account.</summary>
    [JsonInclude] public string AccountId { get; internal set; } = string.Empty;

    /// <summary>When the bucket was made (ListBuckets' CreationDate).</summary>
    [JsonInclude] public DateTimeOffset CreationDate { get; internal set; }

    /// <summary>The bucket policy, if any.</summary>
    [JsonInclude] public PolicyText? Policy { get; internal set; }

    /// <summary>The objects by key.</summary>
    [JsonInclude] public SortedDictionary<string, BucketObject> Objects { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The bucket's ARN.</summary>
    public string Arn => $"arn:aws:s3:::{Name}";
}
