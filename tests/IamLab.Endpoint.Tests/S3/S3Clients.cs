using System.Reflection;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>Real S3 clients (path-style, no retries) pointed at a <see cref="LabServer"/>, and small helpers.</summary>
internal static class S3Clients
{
    public static AmazonS3Client S3(this LabServer server, AWSCredentials credentials) =>
        new(credentials, new AmazonS3Config { ServiceURL = server.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static AmazonS3Client S3(this LabServer server, IamLab.World.Sts.Credentials credentials) =>
        server.S3(credentials.SessionToken is null
            ? new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey)
            : new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));

    public static AmazonS3Client S3(this LabServer server, Credentials credentials) =>
        server.S3(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));

    /// <summary>
    /// Makes the SDK sign requests to this server with its clock moved by <paramref name="offset"/> (the SDK's own
    /// per-endpoint clock correction), so that a test that advances the world's clock still signs in time.
    /// </summary>
    /// <remarks>
    /// The SDK keeps the correction it learns from RequestTimeTooSkewed answers per endpoint; its setter is not public,
    /// so it is called by reflection here (test-only).
    /// </remarks>
    public static void SignAsIfAt(this LabServer server, TimeSpan offset)
    {
        var set = typeof(CorrectClockSkew).GetMethod("SetClockCorrectionForEndpoint", BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("This AWSSDK.Core has no CorrectClockSkew.SetClockCorrectionForEndpoint.");
        // The SDK keys the correction by endpoint: the service URL, and for path-style S3 the URL with the bucket.
        foreach (var endpoint in new[] { server.Url, server.Url + "/", server.Url + "/" + S3World.Bucket })
        {
            set.Invoke(null, [endpoint, offset]);
        }
    }

    public static AmazonS3Client S3AsRoot(this LabServer server, string accountId) => server.S3(new BasicAWSCredentials(accountId, "test"));

    /// <summary>999999999999's user partner-dev assumes CrossAccountS3Access with the ExternalId (and an optional session policy).</summary>
    public static async Task<Credentials> AssumeS3RoleAsync(this LabServer server, string? sessionPolicy = null)
    {
        var caller = S3World.PartnerCaller(server.World);
        using var partner = server.Sts(new BasicAWSCredentials(caller.AccessKeyId, caller.SecretAccessKey));
        var assumed = await partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = S3World.RoleArn,
            RoleSessionName = "partner-s3",
            ExternalId = S3World.ExternalId,
            Policy = sessionPolicy,
        });
        return assumed.Credentials;
    }

    /// <summary>The bucket owner's root puts each text object into the lab bucket.</summary>
    public static async Task PutAsOwnerAsync(this LabServer server, params (string Key, string Text)[] objects)
    {
        using var owner = server.S3AsRoot(S3World.Owner);
        foreach (var (key, text) in objects)
        {
            await owner.PutTextAsync(key, text);
        }
    }

    public static Task<PutObjectResponse> PutTextAsync(this AmazonS3Client s3, string key, string text, string bucket = S3World.Bucket) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text });

    public static async Task<string> GetTextAsync(this AmazonS3Client s3, string key, string bucket = S3World.Bucket)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
