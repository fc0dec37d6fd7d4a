using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>PutObject, GetObject, HeadObject, DeleteObject and ListObjectsV2 with the real S3 client against the lab.</summary>
public sealed class S3ObjectTests
{
    [Fact]
    public async Task PutThenGet_WithRoleSessionAfterCrossAccountAssumeRole_ReturnsTheBytesAndTheirMd5ETag()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        var session = await server.AssumeS3RoleAsync();
        using var s3 = server.S3(session);
        var content = "quarterly figures, 2026";

        var put = await s3.PutTextAsync("reports/q1.txt", content);
        using var got = await s3.GetObjectAsync(S3World.Bucket, "reports/q1.txt");
        using var reader = new StreamReader(got.ResponseStream);
        var text = await reader.ReadToEndAsync();

#pragma warning disable CA5351 // S3's ETag is an MD5 by definition.
        var md5 = "\"" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content))) + "\"";
#pragma warning restore CA5351
        Assert.Equal(content, text);
        Assert.Equal(md5, put.ETag);
        Assert.Equal(md5, got.ETag);
        Assert.Equal(Encoding.UTF8.GetByteCount(content), got.ContentLength);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a//b/../c")]
    [InlineData("./dir/./x")]
    [InlineData("ünï cødé/ключ 鍵.txt")]
    [InlineData("space and+plus%25percent?query#hash")]
    [InlineData("..")]
    public async Task WeirdKeys_AreOpaqueNames_StoredAndReadBackExactly(string key)
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        await s3.PutTextAsync(key, "value of " + key);
        var text = await s3.GetTextAsync(key);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3World.Bucket });

        Assert.Equal("value of " + key, text);
        Assert.Equal([key], listed.S3Objects.Select(o => o.Key));
        Assert.Equal([key], server.World.S3.Buckets[S3World.Bucket].Objects.Keys);
    }

    [Fact]
    public async Task HeadObject_ReportsLengthAndETagWithoutBody()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        var put = await s3.PutTextAsync("data/one.bin", new string('x', 1000));

        var head = await s3.GetObjectMetadataAsync(S3World.Bucket, "data/one.bin");

        Assert.Equal(1000, head.ContentLength);
        Assert.Equal(put.ETag, head.ETag);
    }

    [Fact]
    public async Task ContentType_IsKeptFromThePut_AndDefaultsToBinaryOctetStream()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3World.Bucket, Key = "page.html", ContentBody = "<p/>", ContentType = "text/html" });
        lock (server.Endpoint.State.WorldGate)
        {
            Assert.True(server.World.S3.Seed(S3World.Bucket, "raw", [1, 2, 3]).IsSuccess);
        }

        var typed = await s3.GetObjectMetadataAsync(S3World.Bucket, "page.html");
        var untyped = await s3.GetObjectMetadataAsync(S3World.Bucket, "raw");

        Assert.Equal("text/html", typed.Headers.ContentType);
        Assert.Equal("binary/octet-stream", untyped.Headers.ContentType);
    }

    [Fact]
    public async Task GetObject_MissingKey_IsNoSuchKeyForACallerWhoMayList()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3(await server.AssumeS3RoleAsync());

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(S3World.Bucket, "missing.txt"));

        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("The specified key does not exist.", error.Message);
    }

    [Fact]
    public async Task GetObject_MissingKey_IsAccessDeniedForACallerWhoMayNotList()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3(await server.AssumeS3RoleAsync("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
            """));

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(S3World.Bucket, "missing.txt"));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task DeleteObject_RemovesIt_AndDeletingAgainStillSucceeds()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        await s3.PutTextAsync("tmp/x", "x");

        var first = await s3.DeleteObjectAsync(S3World.Bucket, "tmp/x");
        var second = await s3.DeleteObjectAsync(S3World.Bucket, "tmp/x");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetObjectAsync(S3World.Bucket, "tmp/x"));

        Assert.Equal(HttpStatusCode.NoContent, first.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.HttpStatusCode);
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task ListObjectsV2_WithPrefixDelimiterAndPages_RollsUpFoldersAndContinues()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        foreach (var key in new[] { "logs/a.txt", "logs/2026/jan.txt", "logs/2026/feb.txt", "logs/2025/dec.txt", "logs/b.txt", "other.txt" })
        {
            await s3.PutTextAsync(key, key);
        }

        var first = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3World.Bucket, Prefix = "logs/", Delimiter = "/", MaxKeys = 2 });
        var second = await s3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = S3World.Bucket, Prefix = "logs/", Delimiter = "/", MaxKeys = 2, ContinuationToken = first.NextContinuationToken,
        });

        Assert.True(first.IsTruncated);
        Assert.Equal(["logs/2025/", "logs/2026/"], first.CommonPrefixes);
        Assert.Empty(first.S3Objects ?? []);
        Assert.False(second.IsTruncated);
        Assert.Equal(["logs/a.txt", "logs/b.txt"], second.S3Objects.Select(o => o.Key));
        Assert.Equal(2, second.KeyCount);
    }

    [Fact]
    public async Task ListObjectsV2_AsAUserWithoutListBucket_IsAccessDeniedNamingTheAction()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3(S3World.Nobody(server.World));

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3World.Bucket }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Contains("arn:aws:iam::111111111111:user/nobody is not authorized to perform: s3:ListBucket on resource: \"arn:aws:s3:::lab-shared-data\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetObject_WithAByteRange_ReturnsThatSliceAsPartialContent()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        await s3.PutTextAsync("digits", "0123456789");

        using var part = await s3.GetObjectAsync(new GetObjectRequest { BucketName = S3World.Bucket, Key = "digits", ByteRange = new ByteRange(2, 5) });
        using var reader = new StreamReader(part.ResponseStream);
        var text = await reader.ReadToEndAsync();
        var outside = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.GetObjectAsync(new GetObjectRequest { BucketName = S3World.Bucket, Key = "digits", ByteRange = new ByteRange(20, 30) }));

        Assert.Equal("2345", text);
        Assert.Equal(HttpStatusCode.PartialContent, part.HttpStatusCode);
        Assert.Equal("bytes 2-5/10", part.ContentRange);
        Assert.Equal("InvalidRange", outside.ErrorCode);
    }
}
