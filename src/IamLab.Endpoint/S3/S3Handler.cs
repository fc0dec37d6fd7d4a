using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.S3;

/// <summary>
/// S3's REST API, path-style (<c>http://HOST/BUCKET/KEY</c>), over the world's buckets: ListBuckets, CreateBucket, DeleteBucket, HeadBucket,
/// GetBucketLocation, Put/Get/DeleteBucketPolicy, ListObjectsV2, Put/Get/Head/DeleteObject. Every operation is
/// authorized by the engine with the caller's policies and the bucket policy as the resource policy (a cross-account
/// caller needs both); anonymous requests are allowed only by a bucket policy that grants everyone.
/// </summary>
public sealed class S3Handler : IAwsServiceHandler
{
    /// <inheritdoc />
    public string SigningName => "s3";

    /// <inheritdoc />
    public AwsErrorFormat ErrorFormat => AwsErrorFormat.S3;

    /// <inheritdoc />
    /// <remarks>
    /// S3 takes every unsigned request that is not a Query protocol call (those carry <c>Action=</c> in the URL or a
    /// form body, e.g. STS AssumeRoleWithSAML).
    /// </remarks>
    public bool ClaimsAnonymous(AwsCall awsCall)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var request = awsCall.Http.Request;
        if (request.Query.ContainsKey("Action"))
        {
            return false;
        }

        return !(request.Method == "POST"
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <inheritdoc />
    public async Task HandleAsync(AwsCall awsCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var call = awsCall;
        var request = call.Http.Request;
        // The same raw path the signature covered (RequestTarget), in either request-target form.
        var rawTarget = RequestTarget.Of(request).Path;
        var hostBucket = S3Target.VirtualHostBucket(request.Host.Host);
        var target = hostBucket is null ? S3Target.Parse(rawTarget) : S3Target.ParseVirtualHosted(hostBucket, rawTarget);
        if (target is null)
        {
            await WriteErrorAsync(call, S3Errors.InvalidUri(), null);
            return;
        }

        var invalid = Validate(target);
        if (invalid is not null)
        {
            await WriteErrorAsync(call, invalid, target);
            return;
        }

        var operation = S3Router.Route(request.Method, target, request.Query, request.Headers, out var routeError);
        if (operation is null)
        {
            await WriteErrorAsync(call, routeError!, target);
            return;
        }

        call.Operation = (operation.Value.ToString(), target.Bucket, target.Key);
        var error = await RunAsync(call, operation.Value, target);
        if (error is not null)
        {
            await WriteErrorAsync(call, error, target);
        }
    }

    /// <summary>Writes an S3 error; a HEAD response carries the status only, as S3's does.</summary>
    internal static Task WriteErrorAsync(AwsCall call, AwsError error, S3Target? target)
    {
        if (call.Http.Request.Method == "HEAD")
        {
            call.Http.Response.StatusCode = error.StatusCode;
            return Task.CompletedTask;
        }

        return call.WriteErrorAsync(error, target?.Resource);
    }

    private static AwsError? Validate(S3Target target)
    {
        if (target.Bucket is not null && !S3Names.IsValidBucketName(target.Bucket))
        {
            return S3Errors.InvalidBucketName(target.Bucket);
        }

        return target.Key is not null && S3Names.KeyTooLong(target.Key) is { } size ? S3Errors.KeyTooLong(size) : null;
    }

    private static Task<AwsError?> RunAsync(AwsCall call, S3Operation operation, S3Target target) => operation switch
    {
        S3Operation.ListBuckets => S3BucketOperations.ListBucketsAsync(call),
        S3Operation.CreateBucket => S3BucketOperations.CreateBucketAsync(call, target),
        S3Operation.DeleteBucket => S3BucketOperations.DeleteBucketAsync(call, target),
        S3Operation.HeadBucket => S3BucketOperations.HeadBucketAsync(call, target),
        S3Operation.GetBucketLocation => S3BucketOperations.GetBucketLocationAsync(call, target),
        S3Operation.PutBucketPolicy => S3BucketPolicyOperations.PutAsync(call, target),
        S3Operation.GetBucketPolicy => S3BucketPolicyOperations.GetAsync(call, target),
        S3Operation.DeleteBucketPolicy => S3BucketPolicyOperations.DeleteAsync(call, target),
        S3Operation.ListObjectsV2 => S3BucketOperations.ListObjectsV2Async(call, target),
        S3Operation.PutObject => S3ObjectOperations.PutAsync(call, target),
        S3Operation.GetObject => S3ObjectOperations.GetAsync(call, target, writeBody: true),
        S3Operation.HeadObject => S3ObjectOperations.GetAsync(call, target, writeBody: false),
        S3Operation.DeleteObject => S3ObjectOperations.DeleteAsync(call, target),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unrouted S3 operation."),
    };
}
