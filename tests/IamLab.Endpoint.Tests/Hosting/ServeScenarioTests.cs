using System.Net;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;
using static IamLab.Endpoint.Tests.Hosting.ServeScenarioWorld;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// A scenario's world served by the endpoint (<c>iamlab serve --scenario cross-account-external-id</c>), used with the
/// real STS client and the access key the serving world made for user dev.
/// </summary>
public sealed class ServeScenarioTests
{
    [Fact]
    public async Task Solution_DevAssumesTheRoleWithTheExternalId_AndActsAsIt()
    {
        await using var server = await StartAsync("solution");
        using var dev = server.StsAs(DevArn);

        var assumed = await dev.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "CrossAccountSession", ExternalId = ExternalId });
        using var asRole = new AmazonSecurityTokenServiceClient(assumed.Credentials,
            new AmazonSecurityTokenServiceConfig { ServiceURL = server.Endpoint.Url.ToString().TrimEnd('/'), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/CrossAccountSession", assumed.AssumedRoleUser.Arn);
        Assert.Equal("999999999999", identity.Account);
        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);
        // The real clock: the session ends an hour from now, not an hour after the scenario's frozen grading instant.
        Assert.Equal(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), new DateTimeOffset(assumed.Credentials.Expiration!.Value).ToUnixTimeSeconds(), 60.0);
    }

    [Fact]
    public async Task Solution_DevWithoutTheExternalId_IsAccessDenied()
    {
        await using var server = await StartAsync("solution");
        using var dev = server.StsAs(DevArn);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            dev.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "CrossAccountSession" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains($"{DevArn} is not authorized to perform: sts:AssumeRole on resource: {RoleArn}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starter_DevWithTheExternalId_IsAccessDenied()
    {
        await using var server = await StartAsync("starter");
        using var dev = server.StsAs(DevArn);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            dev.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "CrossAccountSession", ExternalId = ExternalId }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task NoSubmission_ServesTheStarterFiles_NeverTheSolution()
    {
        await using var server = await StartAsync(null);
        using var dev = server.StsAs(DevArn);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            dev.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "CrossAccountSession", ExternalId = ExternalId }));

        Assert.True(server.Served.FromStarter);
        Assert.Equal(Path.Combine(ScenarioDirectory, "starter"), server.Served.FilesDirectory);
        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task Solution_MalloryInAnotherAccount_IsAccessDeniedEvenWithTheExternalId()
    {
        await using var server = await StartAsync("solution");
        using var mallory = server.StsAs("arn:aws:iam::222222222222:user/mallory");

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            mallory.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "Sneaky", ExternalId = ExternalId }));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }
}
