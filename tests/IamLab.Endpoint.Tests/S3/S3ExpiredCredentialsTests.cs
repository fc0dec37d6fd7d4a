using System.Net;
using Amazon.S3;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>A role session's credentials stop working at their expiration.</summary>
public sealed class S3ExpiredCredentialsTests
{
    [Fact]
    public async Task GetObject_WithASessionPastItsExpiration_IsExpiredToken()
    {
        await using var server = await LabServer.StartAsync(S3World.Seed);
        await server.PutAsOwnerAsync(("data.txt", "x"));

        using var s3 = server.S3(await server.AssumeS3RoleAsync());
        var before = await s3.GetTextAsync("data.txt");
        var later = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1);
        server.Time.Advance(later);
        server.SignAsIfAt(later);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetTextAsync("data.txt"));

        Assert.Equal("x", before);
        Assert.Equal("ExpiredToken", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("The provided token has expired.", error.Message);
    }
}
