using IamLab.Endpoint.Protocol;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.S3;

/// <summary>
/// Picks the S3 operation from the method, the target and the query's subresources, or the error S3 gives for a
/// method the resource does not support (<c>MethodNotAllowed</c>) or a feature the lab does not model (<c>NotImplemented</c>).
/// </summary>
public static class S3Router
{
    // Subresources of real S3 that the lab does not model: asking for one is NotImplemented, never a silent GetObject.
    private static readonly string[] Unsupported =
    [
        "acl", "accelerate", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering", "inventory",
        "legal-hold", "lifecycle", "logging", "metrics", "notification", "object-lock", "ownershipControls",
        "policyStatus", "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "select", "tagging",
        "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
    ];

    /// <summary>Routes one request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="target">What the path addresses.</param>
    /// <param name="query">The query parameters.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="error">The error when the request cannot be routed.</param>
    /// <returns>The operation, or null with <paramref name="error"/> set.</returns>
    public static S3Operation? Route(string method, S3Target target, IQueryCollection query, IHeaderDictionary headers, out AwsError? error)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(headers);
        error = null;
        var unsupported = Unsupported.FirstOrDefault(query.ContainsKey);
        if (unsupported is not null)
        {
            error = S3Errors.NotImplemented("?" + unsupported);
            return null;
        }

        if (target.Bucket is null)
        {
            if (method == "GET")
            {
                return S3Operation.ListBuckets;
            }

            error = S3Errors.MethodNotAllowed(method, "SERVICE");
            return null;
        }

        if (target.Key is null)
        {
            S3Operation? bucketOperation = (method, query.ContainsKey("policy"), query.ContainsKey("location")) switch
            {
                ("PUT", true, _) => S3Operation.PutBucketPolicy,
                ("GET", true, _) => S3Operation.GetBucketPolicy,
                ("DELETE", true, _) => S3Operation.DeleteBucketPolicy,
                ("GET", false, true) => S3Operation.GetBucketLocation,
                ("PUT", false, false) => S3Operation.CreateBucket,
                ("DELETE", false, false) => S3Operation.DeleteBucket,
                ("HEAD", false, false) => S3Operation.HeadBucket,
                ("GET", false, false) => S3Operation.ListObjectsV2,
                _ => null,
            };
            if (bucketOperation == S3Operation.ListObjectsV2 && query["list-type"].ToString() != "2")
            {
                error = S3Errors.NotImplemented("ListObjects (version 1); use ListObjectsV2 (list-type=2)");
                return null;
            }

            if (bucketOperation is null)
            {
                error = S3Errors.MethodNotAllowed(method, "BUCKET");
            }

            return bucketOperation;
        }

        if (method == "PUT" && headers.ContainsKey("x-amz-copy-source"))
        {
            error = S3Errors.NotImplemented("x-amz-copy-source");
            return null;
        }

        S3Operation? objectOperation = method switch
        {
            "PUT" => S3Operation.PutObject,
            "GET" => S3Operation.GetObject,
            "HEAD" => S3Operation.HeadObject,
            "DELETE" => S3Operation.DeleteObject,
            _ => null,
        };
        if (objectOperation is null)
        {
            error = S3Errors.MethodNotAllowed(method, "OBJECT");
        }

        return objectOperation;
    }
}
