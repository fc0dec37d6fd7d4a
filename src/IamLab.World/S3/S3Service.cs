using IamLab.Policy.Evaluation;
using IamLab.Policy.Validation;
using IamLab.World.Errors;
using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.World.S3;

/// <summary>S3 as the exercises use it: buckets with bucket policies, and objects read and written through the authorizer.</summary>
public sealed class S3Service
{
    private readonly LabWorld world;

    internal S3Service(LabWorld world) => this.world = world;

    /// <summary>The buckets by name.</summary>
    public IReadOnlyDictionary<string, Bucket> Buckets => world.Data.Buckets;

    /// <summary>Makes a bucket owned by <paramref name="accountId"/> (an administrative set-up step; no caller is checked).</summary>
    public IamResult<Bucket> CreateBucket(string accountId, string name)
    {
        if (world.Data.Buckets.ContainsKey(name))
        {
            return new IamError("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", 409);
        }

        var bucket = new Bucket { Name = name, AccountId = accountId, CreationDate = world.Now };
        world.Data.Buckets[name] = bucket;
        return bucket;
    }

    /// <summary>Sets a bucket's policy after validating it.</summary>
    public IamResult<Done> PutBucketPolicy(string bucketName, string policyJson)
    {
        if (!world.Data.Buckets.TryGetValue(bucketName, out var bucket))
        {
            return NoSuchBucket();
        }

        var policy = PolicyCheck.Validate(policyJson, DocumentKind.Resource);
        if (!policy.IsSuccess)
        {
            return policy.Forward<Done>();
        }

        bucket.Policy = policy.Value;
        return Done.Value;
    }

    /// <summary>Removes an empty bucket (the endpoint authorizes s3:DeleteBucket first); BucketNotEmpty while it holds objects.</summary>
    public IamResult<Done> DeleteBucket(string bucketName)
    {
        if (!world.Data.Buckets.TryGetValue(bucketName, out var bucket))
        {
            return NoSuchBucket();
        }

        if (bucket.Objects.Count > 0)
        {
            return new IamError("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
        }

        world.Data.Buckets.Remove(bucketName);
        return Done.Value;
    }

    /// <summary>Removes a bucket's policy (the endpoint authorizes s3:DeleteBucketPolicy first); NoSuchBucketPolicy when there is none.</summary>
    public IamResult<Done> DeleteBucketPolicy(string bucketName)
    {
        if (!world.Data.Buckets.TryGetValue(bucketName, out var bucket))
        {
            return NoSuchBucket();
        }

        if (bucket.Policy is null)
        {
            return new IamError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
        }

        bucket.Policy = null;
        return Done.Value;
    }

    /// <summary>Removes an object (the endpoint authorizes s3:DeleteObject first). Deleting a missing key succeeds, as in S3.</summary>
    public IamResult<Done> DeleteObject(string bucketName, string key)
    {
        if (!world.Data.Buckets.TryGetValue(bucketName, out var bucket))
        {
            return NoSuchBucket();
        }

        bucket.Objects.Remove(key);
        return Done.Value;
    }

    /// <summary>Puts an object without a caller (set-up), with its additional checksum when it was uploaded with one.</summary>
    public IamResult<Done> Seed(string bucketName, string key, byte[] content, string? contentType = null,
        string? checksumAlgorithm = null, string? checksum = null)
    {
        if (!world.Data.Buckets.TryGetValue(bucketName, out var bucket))
        {
            return NoSuchBucket();
        }

        if (OverLimits(bucket, key, content.LongLength) is { } full)
        {
            return full;
        }

        bucket.Objects[key] = new BucketObject(key, content, world.Now, contentType, checksumAlgorithm, checksum);
        return Done.Value;
    }

    /// <summary>GetObject as <paramref name="credentials"/>: authorized as <c>s3:GetObject</c> on the object's ARN.</summary>
    public IamResult<BucketObject> GetObject(Credentials credentials, string bucketName, string key, RequestContext? context = null)
    {
        var denied = Check(credentials, "s3:GetObject", $"arn:aws:s3:::{bucketName}/{key}", context);
        if (denied is not null)
        {
            return denied;
        }

        if (!world.Data.Buckets.TryGetValue(bucketName, out var bucket))
        {
            return NoSuchBucket();
        }

        return bucket.Objects.TryGetValue(key, out var found) ? found : new IamError("NoSuchKey", "The specified key does not exist.", 404);
    }

    /// <summary>PutObject as <paramref name="credentials"/>: authorized as <c>s3:PutObject</c>.</summary>
    public IamResult<Done> PutObject(Credentials credentials, string bucketName, string key, byte[] content, RequestContext? context = null)
    {
        var denied = Check(credentials, "s3:PutObject", $"arn:aws:s3:::{bucketName}/{key}", context);
        return denied ?? Seed(bucketName, key, content);
    }

    private IamError? Check(Credentials credentials, string action, string resource, RequestContext? context)
    {
        var check = world.Authorize(credentials, action, resource, context, trace: false);
        return check.IsSuccess ? check.Value.ToError() : check.Error;
    }

    // The world's objects and bytes after this put, against the lab's limits (a replaced object's old bytes do not count).
    // INVARIANT: counts every bucket, so the cost is one pass over the objects; the limits keep that pass short.
    private IamError? OverLimits(Bucket bucket, string key, long bytes)
    {
        var limits = world.Limits;
        long objects = 0;
        long total = 0;
        foreach (var each in world.Data.Buckets.Values)
        {
            objects += each.Objects.Count;
            foreach (var item in each.Objects.Values)
            {
                total += item.Content.LongLength;
            }
        }

        if (bucket.Objects.TryGetValue(key, out var replaced))
        {
            objects--;
            total -= replaced.Content.LongLength;
        }

        if (objects + 1 > limits.MaxObjects)
        {
            return Limits.IamQuotas.LabLimit("S3 objects", limits.MaxObjects, nameof(Limits.WorldLimits.MaxObjects));
        }

        return total + bytes > limits.MaxObjectBytes
            ? Limits.IamQuotas.LabLimit("bytes of S3 objects", limits.MaxObjectBytes, nameof(Limits.WorldLimits.MaxObjectBytes))
            : null;
    }

    private static IamError NoSuchBucket() => new("NoSuchBucket", "The specified bucket does not exist", 404);
}
