namespace IamLab.Endpoint.S3;

/// <summary>The S3 operations the lab answers.</summary>
public enum S3Operation
{
    /// <summary>GET / (the caller's account's buckets).</summary>
    ListBuckets,

    /// <summary>PUT /bucket.</summary>
    CreateBucket,

    /// <summary>DELETE /bucket (empty buckets only).</summary>
    DeleteBucket,

    /// <summary>HEAD /bucket.</summary>
    HeadBucket,

    /// <summary>GET /bucket?location.</summary>
    GetBucketLocation,

    /// <summary>PUT /bucket?policy.</summary>
    PutBucketPolicy,

    /// <summary>GET /bucket?policy.</summary>
    GetBucketPolicy,

    /// <summary>DELETE /bucket?policy.</summary>
    DeleteBucketPolicy,

    /// <summary>GET /bucket?list-type=2.</summary>
    ListObjectsV2,

    /// <summary>PUT /bucket/key.</summary>
    PutObject,

    /// <summary>GET /bucket/key.</summary>
    GetObject,

    /// <summary>HEAD /bucket/key.</summary>
    HeadObject,

    /// <summary>DELETE /bucket/key.</summary>
    DeleteObject,
}
