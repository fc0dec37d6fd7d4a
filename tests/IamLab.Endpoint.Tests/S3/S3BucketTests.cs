using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>HeadBucket and GetBucketLocation with the real S3 client.</summary>
public sealed class S3BucketTests
{
    [Fact]
    public async Task HeadBucket_ForAnExistingBucket_IsOk_AndForAMissingOneNotFound()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        var existing = await s3.HeadBucketAsync(new HeadBucketRequest { BucketName = S3World.Bucket });
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "no-such-bucket-here" }));

        Assert.Equal(HttpStatusCode.OK, existing.HttpStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task HeadBucket_WithoutListBucket_IsForbidden()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3(S3World.Nobody(server.World));

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.HeadBucketAsync(new HeadBucketRequest { BucketName = S3World.Bucket }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task GetBucketLocation_InUsEast1_IsTheEmptyConstraint()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        var location = await s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = S3World.Bucket });

        Assert.Equal(S3Region.USEast1, location.Location);
    }

    [Fact]
    public async Task ListBuckets_ShowsOnlyTheCallersAccountsBuckets()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var owner = server.S3AsRoot(S3World.Owner);
        using var partner = server.S3AsRoot(S3World.Partner);
        await partner.PutBucketAsync(new PutBucketRequest { BucketName = "partner-bucket" });

        var owners = await owner.ListBucketsAsync(new ListBucketsRequest());
        var partners = await partner.ListBucketsAsync(new ListBucketsRequest());

        Assert.Equal([S3World.Bucket], owners.Buckets.Select(b => b.BucketName));
        Assert.Equal(["partner-bucket"], partners.Buckets.Select(b => b.BucketName));
        Assert.Equal(server.Time.GetUtcNow().ToUnixTimeSeconds(), new DateTimeOffset(partners.Buckets[0].CreationDate!.Value).ToUnixTimeSeconds(), 2.0);
    }

    [Fact]
    public async Task DeleteBucket_RefusesABucketWithObjects_ThenDeletesItOnceEmpty()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        await s3.PutTextAsync("one", "1");

        var notEmpty = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = S3World.Bucket }));
        await s3.DeleteObjectAsync(S3World.Bucket, "one");
        var deleted = await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = S3World.Bucket });

        Assert.Equal("BucketNotEmpty", notEmpty.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, notEmpty.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.HttpStatusCode);
        Assert.False(server.World.S3.Buckets.ContainsKey(S3World.Bucket));
    }

    [Fact]
    public async Task DeleteBucket_ByAnotherAccount_IsAccessDenied()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var partner = server.S3AsRoot(S3World.Partner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => partner.DeleteBucketAsync(new DeleteBucketRequest { BucketName = S3World.Bucket }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.True(server.World.S3.Buckets.ContainsKey(S3World.Bucket));
    }
}
