using System.Globalization;
using System.Security.Cryptography;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.S3;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.S3;

/// <summary>PutObject, GetObject (whole or one byte range), HeadObject and DeleteObject. Keys are opaque strings held in the world, never paths.</summary>
internal static class S3ObjectOperations
{
    /// <summary>The content type S3 reports for an object stored without one.</summary>
    public const string DefaultContentType = "binary/octet-stream";

    // Request headers S3 turns into condition keys of the same name with the "s3:" prefix.
    private static readonly string[] ConditionHeaders =
        ["x-amz-acl", "x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-storage-class"];

    public static async Task<AwsError?> PutAsync(AwsCall call, S3Target target)
    {
        var body = call.Body.ToArray();
        var digestError = CheckContentMd5(call.Http.Request.Headers, body);
        if (digestError is not null)
        {
            return digestError;
        }

        // Verified before anything is stored: a mismatch is BadDigest and leaves the key as it was.
        var (checksumAlgorithm, checksum, checksumError) = S3ChecksumHeaders.Verify(call.Http.Request, body);
        if (checksumError is not null)
        {
            return checksumError;
        }

        if (S3BucketOperations.Find(call, target.Bucket!) is not { } bucket)
        {
            return S3Errors.NoSuchBucket(target.Bucket!);
        }

        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var header in ConditionHeaders)
        {
            if (call.Http.Request.Headers.TryGetValue(header, out var value))
            {
                context["s3:" + header] = [value.ToString()];
            }
        }

        var denied = S3Access.Authorize(call, "s3:PutObject", target.Arn, bucket.AccountId, context);
        if (denied is not null)
        {
            return denied;
        }

        lock (call.State.WorldGate)
        {
            var put = call.World.S3.Seed(target.Bucket!, target.Key!, body, call.Http.Request.ContentType, checksumAlgorithm, checksum);
            if (!put.IsSuccess)
            {
                return put.Error!.Code == "NoSuchBucket" ? S3Errors.NoSuchBucket(target.Bucket!) : put.Error.ToAwsError();
            }
        }

        await call.State.CommitAsync();
        call.Http.Response.StatusCode = 200;
        call.Http.Response.Headers.ETag = S3ETag.Of(body);
        if (checksumAlgorithm is not null)
        {
            call.Http.Response.Headers["x-amz-checksum-" + checksumAlgorithm.ToLowerInvariant()] = checksum;
            call.Http.Response.Headers["x-amz-checksum-type"] = "FULL_OBJECT";
        }

        call.Http.Response.ContentLength = 0;
        return null;
    }

    public static async Task<AwsError?> GetAsync(AwsCall call, S3Target target, bool writeBody)
    {
        if (S3BucketOperations.Find(call, target.Bucket!) is not { } bucket)
        {
            return S3Errors.NoSuchBucket(target.Bucket!);
        }

        // HeadObject is authorized as s3:GetObject: there is no s3:HeadObject action.
        var denied = S3Access.Authorize(call, "s3:GetObject", target.Arn, bucket.AccountId);
        if (denied is not null)
        {
            return denied;
        }

        BucketObject? found;
        lock (call.State.WorldGate)
        {
            found = bucket.Objects.GetValueOrDefault(target.Key!);
        }

        if (found is null)
        {
            // "If you don't have the s3:ListBucket permission, Amazon S3 returns an HTTP status code 403 Access Denied
            // error" instead of 404 NoSuchKey, so that a missing key does not reveal itself (GetObject, S3 API reference).
            return call.Authorize("s3:ListBucket", $"arn:aws:s3:::{target.Bucket}") is null ? S3Errors.NoSuchKey(target.Key!) : S3Errors.AccessDenied();
        }

        var rangeHeader = call.Http.Request.Headers.Range.FirstOrDefault();
        // HeadObject answers for the whole object; only GetObject serves a range.
        var range = S3Range.Parse(writeBody ? rangeHeader : null, found.Content.Length, out var unsatisfiable);
        if (unsatisfiable)
        {
            return S3Errors.InvalidRange(rangeHeader!, found.Content.Length);
        }

        var response = call.Http.Response;
        response.StatusCode = range is null ? 200 : 206;
        response.ContentType = found.ContentType ?? DefaultContentType;
        response.ContentLength = range?.Length ?? found.Content.Length;
        response.Headers.ETag = S3ETag.Of(found.Content);
        response.Headers.LastModified = found.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        if (range is { } part)
        {
            response.Headers.ContentRange = part.ContentRange(found.Content.Length);
        }

        S3ChecksumHeaders.WriteIfAsked(call.Http.Request, response, found.ChecksumAlgorithm, found.Checksum, range is null);

        if (writeBody)
        {
            var bytes = range is { } served ? found.Content.AsMemory((int)served.First, (int)served.Length) : found.Content;
            await response.Body.WriteAsync(bytes, call.Http.RequestAborted);
        }

        return null;
    }

    public static async Task<AwsError?> DeleteAsync(AwsCall call, S3Target target)
    {
        if (S3BucketOperations.Refusal(call, target, "s3:DeleteObject") is { } refused)
        {
            return refused;
        }

        lock (call.State.WorldGate)
        {
            _ = call.World.S3.DeleteObject(target.Bucket!, target.Key!);
        }

        await call.State.CommitAsync();
        call.Http.Response.StatusCode = 204;
        return null;
    }

    /// <summary>Checks a <c>Content-MD5</c> header against the body: InvalidDigest when it is not a base64 MD5, BadDigest when it differs.</summary>
    internal static AwsError? CheckContentMd5(IHeaderDictionary headers, byte[] body)
    {
        if (!headers.TryGetValue("Content-MD5", out var header))
        {
            return null;
        }

        Span<byte> sent = stackalloc byte[16];
        if (!Convert.TryFromBase64String(header.ToString(), sent, out var length) || length != 16)
        {
            return S3Errors.InvalidDigest();
        }

#pragma warning disable CA5351 // Content-MD5 is MD5 by definition (RFC 1864).
        return MD5.HashData(body).AsSpan().SequenceEqual(sent) ? null : S3Errors.BadDigest();
#pragma warning restore CA5351
    }
}
