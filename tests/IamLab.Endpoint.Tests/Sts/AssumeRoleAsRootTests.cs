using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Sts;

/// <summary>
/// AWS refuses AssumeRole signed with an account's root user credentials, even when the role trusts the account
/// (IAM User Guide, "Switch to an IAM role (AWS API)": "You cannot call AssumeRole with the credentials of the root user").
/// </summary>
public sealed class AssumeRoleAsRootTests
{
    [Fact]
    public async Task RootOfATrustedAccount_IsAccessDeniedWhileItsUserGetsIn()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var root = server.StsAsRoot(CrossAccountWorld.Partner);
        using var user = CrossAccountWorld.PartnerSts(server);
        var request = new AssumeRoleRequest { RoleArn = CrossAccountWorld.RoleArn, RoleSessionName = "as-root", ExternalId = CrossAccountWorld.ExternalId };

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => root.AssumeRoleAsync(request));
        var assumed = await user.AssumeRoleAsync(request);

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("Roles may not be assumed by root accounts.", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/as-root", assumed.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task RootOfTheRolesOwnAccount_IsAccessDeniedToo()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var owner = server.StsAsRoot(CrossAccountWorld.Owner);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() =>
            owner.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountWorld.ChainerArn, RoleSessionName = "owner-root" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Empty(server.World.Sts.Sessions);
    }
}
