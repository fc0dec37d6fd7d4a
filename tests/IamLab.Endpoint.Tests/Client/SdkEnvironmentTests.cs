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
    // With an IP address in AWS_ENDPOINT_URL the SDK addresses buckets path-style. (With a host name it would use
    // BUCKET.localhost, which resolves only where *.localhost names loopback; S3VirtualHostTests cover that form.)
    [Fact]
    public async Task S3ClientFromEnvironmentOnly_PutsAndGetsAgainstTheLab()
    {
        const string host = "127.0.0.1";
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using (SdkEnvironment.PointAt(server.Url, S3World.Owner))
        {
            using var s3 = new AmazonS3Client();
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3World.Bucket, Key = "env/" + host, ContentBody = "configured by environment" });
            var text = await s3.GetTextAsync("env/" + host);

            Assert.Equal("configured by environment", text);
            Assert.True(server.World.S3.Buckets[S3World.Bucket].Objects.ContainsKey("env/" + host));
        }
    }
}
