using System.Net;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>Malformed S3 requests get S3's error documents, and the server keeps answering afterwards.</summary>
public sealed class S3MalformedRequestTests
{
    [Fact]
    public async Task CreateBucket_WithBadXmlBody_IsMalformedXml_ThenTheServerStillAnswers()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var http = new HttpClient();

        using var response = await http.PutAsync(server.Url + "/new-bucket", new StringContent("<CreateBucketConfiguration><LocationConstraint>", Encoding.UTF8, "application/xml"));
        var error = await ErrorOf(response);
        using var s3 = server.S3AsRoot(S3World.Owner);
        await s3.PutTextAsync("after", "still here");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MalformedXML", error.Code);
        Assert.Equal("The XML you provided was not well-formed or did not validate against our published schema", error.Message);
        Assert.Equal("/new-bucket", error.Resource);
        Assert.Equal("still here", await s3.GetTextAsync("after"));
    }

    [Fact]
    public async Task CreateBucket_WithADoctype_IsMalformedXmlAndResolvesNothing()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var http = new HttpClient();
        var body = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint></CreateBucketConfiguration>""";

        using var response = await http.PutAsync(server.Url + "/new-bucket", new StringContent(body, Encoding.UTF8, "application/xml"));

        Assert.Equal("MalformedXML", (await ErrorOf(response)).Code);
        Assert.False(server.World.S3.Buckets.ContainsKey("new-bucket"));
    }

    [Theory]
    [InlineData("Upper-Case-Bucket")]
    [InlineData("ab")]
    [InlineData("has_underscore")]
    [InlineData("192.168.5.4")]
    [InlineData("double..dot")]
    [InlineData("-starts-with-hyphen")]
    [InlineData("xn--reserved-prefix")]
    public async Task CreateBucket_WithAnInvalidName_IsInvalidBucketName(string name)
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync(new PutBucketRequest { BucketName = name }));

        Assert.Equal("InvalidBucketName", error.ErrorCode);
        Assert.Equal("The specified bucket is not valid.", error.Message);
        Assert.False(server.World.S3.Buckets.ContainsKey(name));
    }

    [Fact]
    public async Task CreateBucket_ThatAnotherAccountOwns_IsBucketAlreadyExists()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var partner = server.S3AsRoot(S3World.Partner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => partner.PutBucketAsync(new PutBucketRequest { BucketName = S3World.Bucket }));

        Assert.Equal("BucketAlreadyExists", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task CreateBucket_AsRoot_MakesABucketTheAccountOwns()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var partner = server.S3AsRoot(S3World.Partner);

        await partner.PutBucketAsync(new PutBucketRequest { BucketName = "partner-bucket" });

        Assert.Equal(S3World.Partner, server.World.S3.Buckets["partner-bucket"].AccountId);
    }

    [Fact]
    public async Task GetObject_InABucketThatDoesNotExist_IsNoSuchBucket()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync("no-such-bucket-here", "k"));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Equal("The specified bucket does not exist", error.Message);
    }

    [Fact]
    public async Task PutObject_WithAKeyOver1024Bytes_IsKeyTooLongError()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutTextAsync(new string('k', 1025), "x"));
        await s3.PutTextAsync(new string('k', 1024), "fits");

        Assert.Equal("KeyTooLongError", error.ErrorCode);
        Assert.Equal("Your key is too long", error.Message);
        Assert.Equal("fits", await s3.GetTextAsync(new string('k', 1024)));
    }

    [Fact]
    public async Task PutObject_LargerThanTheLimit_IsEntityTooLarge_ThenSmallerPutsSucceed()
    {
        var world = new IamLab.World.LabWorld();
        S3World.Seed(world);
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, World = world, MaxS3BodyBytes = 4096 });
        var url = endpoint.Url.ToString().TrimEnd('/');
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(S3World.Owner, "test"),
            new AmazonS3Config { ServiceURL = url, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = S3World.Bucket, Key = "big", InputStream = new MemoryStream(new byte[10_000]),
        }));
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3World.Bucket, Key = "small", InputStream = new MemoryStream(new byte[100]) });

        Assert.Equal("EntityTooLarge", error.ErrorCode);
        Assert.False(world.S3.Buckets[S3World.Bucket].Objects.ContainsKey("big"));
        Assert.Equal(100, world.S3.Buckets[S3World.Bucket].Objects["small"].Content.Length);
    }

    [Fact]
    public async Task BadPercentEncodingInThePath_IsInvalidUri()
    {
        var (status, code) = await UnsignedGetAsync("/lab-shared-data/%ZZ%C3");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidURI", code);
    }

    [Fact]
    public async Task ListObjectsV2_WithANonNumericMaxKeys_IsInvalidArgument()
    {
        var (status, code) = await UnsignedGetAsync("/lab-shared-data?list-type=2&max-keys=lots");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidArgument", code);
    }

    [Fact]
    public async Task ASubresourceTheLabDoesNotModel_IsNotImplemented()
    {
        var (status, code) = await UnsignedGetAsync("/lab-shared-data?versioning");

        Assert.Equal(HttpStatusCode.NotImplemented, status);
        Assert.Equal("NotImplemented", code);
    }

    // An unsigned GET of PATH on a fresh lab: the status and the S3 error code of the answer.
    private static async Task<(HttpStatusCode Status, string Code)> UnsignedGetAsync(string path)
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var http = new HttpClient();
        using var response = await http.GetAsync(server.Url + path);
        return (response.StatusCode, (await ErrorOf(response)).Code);
    }

    private static async Task<(string Code, string Message, string? Resource)> ErrorOf(HttpResponseMessage response)
    {
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.Root!;
        Assert.Equal("Error", root.Name.LocalName);
        return (root.Element("Code")!.Value, root.Element("Message")!.Value, root.Element("Resource")?.Value);
    }
}
