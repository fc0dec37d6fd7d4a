using System.Net;
using Amazon.S3.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>
/// Virtual-hosted-style requests (<c>Host: BUCKET.localhost:PORT</c>), as the SDK sends them when AWS_ENDPOINT_URL names
/// <c>localhost</c>: the bucket comes from the host and the key from the whole path.
/// </summary>
public sealed class S3VirtualHostTests
{
    [Fact]
    public async Task GetObject_WithTheBucketInTheHost_ReadsTheObject()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using (var owner = server.S3AsRoot(S3World.Owner))
        {
            await owner.PutTextAsync("public/hello.txt", "hello");
            await owner.PutBucketPolicyAsync(new PutBucketPolicyRequest
            {
                BucketName = S3World.Bucket,
                Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/public/*"}]}""",
            });
        }

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url + "/public/hello.txt");
        request.Headers.Host = $"{S3World.Bucket}.localhost:{new Uri(server.Url).Port}";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
    }
}
