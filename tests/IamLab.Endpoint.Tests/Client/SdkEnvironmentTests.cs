using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.Imds;
using IamLab.Endpoint.Tests.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.Client;

/// <summary>
/// An S3 client configured only through the standard AWS environment variables (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID,
/// AWS_SECRET_ACCESS_KEY, AWS_REGION), as a learner's program started by hand would be. The variables are
/// process-wide, so these tests run alone.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SdkEnvironmentTests
{
    private static readonly string[] Variables =
        ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"];

    // With an IP address in AWS_ENDPOINT_URL the SDK addresses buckets path-style. (With a host name it would use
    // BUCKET.localhost, which resolves only where *.localhost names loopback; S3VirtualHostTests cover that form.)
    [Fact]
    public async Task S3ClientFromEnvironmentOnly_PutsAndGetsAgainstTheLab()
    {
        const string host = "127.0.0.1";
        await using var server = await LabServer.StartAsync(S3World.Seed);
        var saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", server.Url);
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3World.Owner);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            FallbackInternalConfigurationFactory.Reset();

            using var s3 = new AmazonS3Client();
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3World.Bucket, Key = "env/" + host, ContentBody = "configured by environment" });
            var text = await s3.GetTextAsync("env/" + host);

            Assert.Equal("configured by environment", text);
            Assert.True(server.World.S3.Buckets[S3World.Bucket].Objects.ContainsKey("env/" + host));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            FallbackInternalConfigurationFactory.Reset();
        }
    }
}
