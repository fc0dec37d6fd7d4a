using Amazon.S3;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>The article's session policy: the role may read the whole bucket, the session only <c>public/*</c>.</summary>
public sealed class S3SessionPolicyTests
{
    private const string PublicOnly = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lab-shared-data/public/*"}]}
        """;

    [Fact]
    public async Task SessionPolicyNarrowingToPublic_AllowsPublicAndDeniesPrivateNamingTheSessionPolicy()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        await server.PutAsOwnerAsync(("public/x", "for everyone"), ("private/x", "for the team"));

        var narrowed = await server.AssumeS3RoleAsync(PublicOnly);
        using var s3 = server.S3(narrowed);

        var publicText = await s3.GetTextAsync("public/x");
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetTextAsync("private/x"));

        Assert.Equal("for everyone", publicText);
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(
            "User: arn:aws:sts::111111111111:assumed-role/CrossAccountS3Access/partner-s3 is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::lab-shared-data/private/x\" because no session policy allows the s3:GetObject action",
            error.Message);
    }

    [Fact]
    public async Task WithoutTheSessionPolicy_TheSameRoleReadsThePrivateObject()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        await server.PutAsOwnerAsync(("private/x", "for the team"));

        using var s3 = server.S3(await server.AssumeS3RoleAsync());

        Assert.Equal("for the team", await s3.GetTextAsync("private/x"));
    }
}
