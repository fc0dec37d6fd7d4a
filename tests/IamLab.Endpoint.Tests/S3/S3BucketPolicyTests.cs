using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>Put/Get/DeleteBucketPolicy, and the bucket policy as the resource policy of every S3 decision.</summary>
public sealed class S3BucketPolicyTests
{
    private const string GrantAnalyst = """
        {"Version":"2012-10-17","Statement":[{"Sid":"Analyst","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:user/analyst"},
          "Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/*"}]}
        """;

    [Fact]
    public async Task PutGetDelete_RoundTripsThePolicyText_ThenNoSuchBucketPolicy()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var recorder = new RecordingHttpClientFactory();
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(S3World.Owner, "test"), new AmazonS3Config
        {
            ServiceURL = server.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, HttpClientFactory = recorder,
        });

        var put = await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = S3World.Bucket, Policy = GrantAnalyst });
        var got = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = S3World.Bucket });
        await s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = S3World.Bucket });
        // AWSSDK.S3 does not throw for GetBucketPolicy's 404: it hands back a response with the status (and the error
        // document as Policy), so the wire answer is checked through the recorder.
        var after = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = S3World.Bucket });

        Assert.Equal(HttpStatusCode.NoContent, put.HttpStatusCode);
        Assert.Equal(GrantAnalyst, got.Policy);
        Assert.Equal(HttpStatusCode.NotFound, after.HttpStatusCode);
        Assert.Null(server.World.S3.Buckets[S3World.Bucket].Policy);
        Assert.Equal(404, recorder.Responses[^1].Status);
        Assert.Contains("<Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message>", recorder.Responses[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossAccountUser_NeedsTheBucketPolicyBesideItsOwnIdentityPolicy()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var owner = server.S3AsRoot(S3World.Owner);
        await owner.PutTextAsync("shared/report.csv", "a,b");
        using var analyst = server.S3(S3World.Analyst(server.World));

        var before = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => analyst.GetTextAsync("shared/report.csv"));
        await owner.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = S3World.Bucket, Policy = GrantAnalyst });
        var after = await analyst.GetTextAsync("shared/report.csv");

        Assert.Equal("AccessDenied", before.ErrorCode);
        // S3 explains a refusal only to callers of the bucket owner's account or organization; others read "Access Denied".
        Assert.Equal("Access Denied", before.Message);
        Assert.Equal("a,b", after);
    }

    [Fact]
    public async Task ExplicitDenyInTheBucketPolicy_BeatsTheRolesAllow()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var owner = server.S3AsRoot(S3World.Owner);
        await owner.PutTextAsync("secret/plan", "x");
        await owner.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = S3World.Bucket,
            Policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/secret/*"}]}
                """,
        });
        using var role = server.S3(await server.AssumeS3RoleAsync());

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => role.GetTextAsync("secret/plan"));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.EndsWith("with an explicit deny in a resource-based policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousRead_IsAllowedOnlyWhereTheBucketPolicyGrantsEveryone()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var owner = server.S3AsRoot(S3World.Owner);
        await owner.PutTextAsync("public/logo.txt", "logo");
        await owner.PutTextAsync("private/payroll.txt", "payroll");
        await owner.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = S3World.Bucket,
            Policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/public/*"}]}
                """,
        });
        using var anonymous = server.S3(new AnonymousAWSCredentials());

        var allowed = await anonymous.GetTextAsync("public/logo.txt");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => anonymous.GetTextAsync("private/payroll.txt"));

        Assert.Equal("logo", allowed);
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("Access Denied", error.Message);
    }

    [Fact]
    public async Task PutBucketPolicy_FromAnotherAccountWithPermission_IsMethodNotAllowed()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var owner = server.S3AsRoot(S3World.Owner);
        await owner.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = S3World.Bucket,
            Policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"s3:PutBucketPolicy","Resource":"arn:aws:s3:::lab-shared-data"}]}
                """,
        });
        using var partner = server.S3AsRoot(S3World.Partner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            partner.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = S3World.Bucket, Policy = GrantAnalyst }));

        Assert.Equal("MethodNotAllowed", error.ErrorCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, error.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"Version\":\"2012-10-17\",")]
    [InlineData("[1,2,3]")]
    public async Task PutBucketPolicy_ThatIsNotAJsonObject_IsMalformedPolicyInS3Words(string policy)
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = S3World.Bucket, Policy = policy }));

        Assert.Equal("MalformedPolicy", error.ErrorCode);
        Assert.Equal("Policies must be valid JSON and the first byte must be '{'", error.Message);
    }

    [Fact]
    public async Task PutBucketPolicy_WithAnInvalidStatement_IsMalformedPolicyAndKeepsTheOldPolicy()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        using var s3 = server.S3AsRoot(S3World.Owner);
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = S3World.Bucket, Policy = GrantAnalyst });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = S3World.Bucket,
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/*"}]}""",
        }));
        var kept = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = S3World.Bucket });

        Assert.Equal("MalformedPolicy", error.ErrorCode);
        Assert.Equal(GrantAnalyst, kept.Policy);
    }
}
