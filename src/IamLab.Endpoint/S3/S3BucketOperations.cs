using System.Globalization;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.S3;

namespace IamLab.Endpoint.S3;

/// <summary>ListBuckets, CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation and ListObjectsV2.</summary>
internal static class S3BucketOperations
{
    public static async Task<AwsError?> CreateBucketAsync(AwsCall call, S3Target target)
    {
        var name = target.Bucket!;
        if (!S3Xml.TryReadCreateBucketConfiguration(call.Body.Span, out var constraint))
        {
            return S3Errors.MalformedXml();
        }

        var account = call.Identity?.Account;
        lock (call.State.WorldGate)
        {
            if (call.World.S3.Buckets.TryGetValue(name, out var existing))
            {
                if (existing.AccountId != account)
                {
                    return S3Errors.BucketAlreadyExists(name);
                }

                // "For legacy compatibility, if you re-create an existing bucket that you already own in the North
                // Virginia Region, Amazon S3 returns 200 OK" (CreateBucket, Amazon S3 API reference).
                if (call.Region != "us-east-1")
                {
                    return S3Errors.BucketAlreadyOwnedByYou(name);
                }
            }
        }

        var locationError = CheckLocation(call.Region, constraint);
        if (locationError is not null)
        {
            return locationError;
        }

        var denied = S3Access.Authorize(call, "s3:CreateBucket", target.Arn, account);
        if (denied is not null || account is null)
        {
            return denied ?? S3Errors.AccessDenied();
        }

        lock (call.State.WorldGate)
        {
            if (!call.World.S3.Buckets.ContainsKey(name))
            {
                var created = call.World.S3.CreateBucket(account, name);
                if (!created.IsSuccess)
                {
                    return created.Error!.ToAwsError();
                }
            }
        }

        await call.State.CommitAsync();
        call.Http.Response.StatusCode = 200;
        call.Http.Response.Headers.Location = "/" + name;
        call.Http.Response.ContentLength = 0;
        return null;
    }

    public static async Task<AwsError?> ListBucketsAsync(AwsCall call)
    {
        var account = call.Identity?.Account;
        var denied = S3Access.Authorize(call, "s3:ListAllMyBuckets", "*", account);
        if (denied is not null || account is null)
        {
            return denied ?? S3Errors.AccessDenied();
        }

        string xml;
        lock (call.State.WorldGate)
        {
            var owned = call.World.S3.Buckets.Values.Where(b => b.AccountId == account).OrderBy(b => b.Name, StringComparer.Ordinal)
                .Select(b => (b.Name, b.CreationDate)).ToList();
            xml = S3Xml.ListAllMyBucketsResult(account, owned);
        }

        await call.WriteXmlAsync(xml);
        return null;
    }

    public static async Task<AwsError?> DeleteBucketAsync(AwsCall call, S3Target target)
    {
        if (Refusal(call, target, "s3:DeleteBucket") is { } refused)
        {
            return refused;
        }

        lock (call.State.WorldGate)
        {
            var deleted = call.World.S3.DeleteBucket(target.Bucket!);
            if (!deleted.IsSuccess)
            {
                return deleted.Error!.Code == "NoSuchBucket" ? S3Errors.NoSuchBucket(target.Bucket!) : S3Errors.FromWorld(deleted.Error, target.Bucket!);
            }
        }

        await call.State.CommitAsync();
        call.Http.Response.StatusCode = 204;
        return null;
    }

    public static Task<AwsError?> HeadBucketAsync(AwsCall call, S3Target target)
    {
        // HeadBucket is authorized as s3:ListBucket (Amazon S3 API reference, HeadBucket "Permissions").
        var denied = Refusal(call, target, "s3:ListBucket");
        if (denied is null)
        {
            call.Http.Response.StatusCode = 200;
            call.Http.Response.Headers["x-amz-bucket-region"] = call.World.Region;
            call.Http.Response.ContentLength = 0;
        }

        return Task.FromResult(denied);
    }

    public static async Task<AwsError?> GetBucketLocationAsync(AwsCall call, S3Target target)
    {
        if (Refusal(call, target, "s3:GetBucketLocation") is { } refused)
        {
            return refused;
        }

        await call.WriteXmlAsync(S3Xml.LocationConstraint(call.World.Region));
        return null;
    }

    public static async Task<AwsError?> ListObjectsV2Async(AwsCall call, S3Target target)
    {
        var invalid = S3ListRequest.TryRead(call.Http.Request.Query, out var list);
        if (invalid is not null)
        {
            return invalid;
        }

        if (Find(call, target.Bucket!) is not { } found)
        {
            return S3Errors.NoSuchBucket(target.Bucket!);
        }

        // The condition keys S3 fills for ListBucket (Amazon S3 condition key examples: s3:prefix, s3:delimiter, s3:max-keys).
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["s3:prefix"] = [list.Prefix],
            ["s3:max-keys"] = [list.MaxKeys.ToString(CultureInfo.InvariantCulture)],
        };
        if (list.Delimiter is not null)
        {
            context["s3:delimiter"] = [list.Delimiter];
        }

        var denied = S3Access.Authorize(call, "s3:ListBucket", target.Arn, found.AccountId, context);
        if (denied is not null)
        {
            return denied;
        }

        string xml;
        lock (call.State.WorldGate)
        {
            var bucket = call.World.S3.Buckets[target.Bucket!];
            var page = S3Listing.Page(bucket.Objects.Keys, list.Prefix, list.Delimiter, list.MaxKeys, list.After);
            xml = S3Xml.ListBucketResult(bucket.Name, list, page, bucket.Objects);
        }

        await call.WriteXmlAsync(xml);
        return null;
    }

    /// <summary>The bucket, read under the world's lock, or null.</summary>
    /// <summary>
    /// NoSuchBucket when the target's bucket does not exist, else the engine's denial of <paramref name="action"/> on the
    /// target (the bucket's owner account deciding); null when the call may go on.
    /// </summary>
    internal static AwsError? Refusal(AwsCall call, S3Target target, string action) =>
        Find(call, target.Bucket!) is { } bucket
            ? S3Access.Authorize(call, action, target.Arn, bucket.AccountId)
            : S3Errors.NoSuchBucket(target.Bucket!);

    internal static Bucket? Find(AwsCall call, string name)
    {
        lock (call.State.WorldGate)
        {
            return call.World.S3.Buckets.GetValueOrDefault(name);
        }
    }

    private static AwsError? CheckLocation(string region, string? constraint)
    {
        if (string.IsNullOrEmpty(constraint))
        {
            return region == "us-east-1" ? null : S3Errors.IllegalLocationConstraint("unspecified");
        }

        if (constraint == "us-east-1")
        {
            // us-east-1 is named by leaving the constraint out.
            return S3Errors.InvalidLocationConstraint(constraint);
        }

        return constraint == region ? null : S3Errors.IllegalLocationConstraint(constraint);
    }
}
