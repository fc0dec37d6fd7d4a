using System.Text;
using System.Text.Json;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.S3;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.S3;

/// <summary>
/// PutBucketPolicy, GetBucketPolicy and DeleteBucketPolicy. As in S3, only identities of the bucket owner's account
/// may use them: another account's caller with permission gets 405 MethodNotAllowed, without permission 403.
/// </summary>
internal static class S3BucketPolicyOperations
{
    /// <summary>The largest bucket policy S3 accepts: 20 KB.</summary>
    public const int MaxPolicyBytes = 20 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static async Task<AwsError?> PutAsync(AwsCall call, S3Target target)
    {
        var checkedOwner = Check(call, target, "s3:PutBucketPolicy", out _);
        if (checkedOwner is not null)
        {
            return checkedOwner;
        }

        var text = ReadPolicy(call.Body.Span, out var malformed);
        if (text is null)
        {
            return malformed;
        }

        lock (call.State.WorldGate)
        {
            var put = call.World.S3.PutBucketPolicy(target.Bucket!, text);
            if (!put.IsSuccess)
            {
                // The world validates with the engine's validator (IAM's wording); S3 names the error MalformedPolicy.
                return put.Error!.Code == "MalformedPolicyDocument" ? S3Errors.MalformedPolicy(put.Error.Message) : put.Error.ToAwsError();
            }
        }

        await call.State.CommitAsync();
        call.Http.Response.StatusCode = 204;
        return null;
    }

    public static async Task<AwsError?> GetAsync(AwsCall call, S3Target target)
    {
        var checkedOwner = Check(call, target, "s3:GetBucketPolicy", out var bucket);
        if (checkedOwner is not null)
        {
            return checkedOwner;
        }

        string? json;
        lock (call.State.WorldGate)
        {
            json = bucket!.Policy?.Json;
        }

        if (json is null)
        {
            return S3Errors.NoSuchBucketPolicy(target.Bucket!);
        }

        call.Http.Response.StatusCode = 200;
        call.Http.Response.ContentType = "application/json";
        await call.Http.Response.WriteAsync(json, call.Http.RequestAborted);
        return null;
    }

    public static async Task<AwsError?> DeleteAsync(AwsCall call, S3Target target)
    {
        var checkedOwner = Check(call, target, "s3:DeleteBucketPolicy", out _);
        if (checkedOwner is not null)
        {
            return checkedOwner;
        }

        lock (call.State.WorldGate)
        {
            // Deleting a policy that is not there succeeds in S3 (204), so the world's NoSuchBucketPolicy is ignored.
            _ = call.World.S3.DeleteBucketPolicy(target.Bucket!);
        }

        await call.State.CommitAsync();
        call.Http.Response.StatusCode = 204;
        return null;
    }

    /// <summary>The policy text when it is UTF-8 JSON of at most 20 KB starting with '{', else null and S3's MalformedPolicy.</summary>
    internal static string? ReadPolicy(ReadOnlySpan<byte> body, out AwsError? error)
    {
        error = null;
        if (body.Length > MaxPolicyBytes)
        {
            // S3's exact wording for an oversized bucket policy is not in its error list; this text is the lab's.
            error = S3Errors.MalformedPolicy($"Policies must be less than 20 KB; this one is {body.Length} bytes.");
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            error = S3Errors.PolicyNotJson();
            return null;
        }

        if (!text.TrimStart().StartsWith('{') || !IsJson(text))
        {
            error = S3Errors.PolicyNotJson();
            return null;
        }

        return text;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static AwsError? Check(AwsCall call, S3Target target, string action, out Bucket? bucket)
    {
        bucket = S3BucketOperations.Find(call, target.Bucket!);
        if (bucket is null)
        {
            return S3Errors.NoSuchBucket(target.Bucket!);
        }

        var denied = S3Access.Authorize(call, action, target.Arn, bucket.AccountId);
        if (denied is not null)
        {
            return denied;
        }

        return call.Identity?.Account == bucket.AccountId ? null : S3Errors.MethodNotAllowed(call.Http.Request.Method, "BUCKET");
    }
}
