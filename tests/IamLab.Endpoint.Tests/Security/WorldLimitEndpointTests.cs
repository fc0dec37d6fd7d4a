using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// The lab's world limits seen from a client: a new 12-digit root key past the account limit is told the lab's limit
/// (LimitExceeded) instead of being made into one more account, and the world keeps its size.
/// </summary>
public sealed class WorldLimitEndpointTests
{
    [Fact]
    public async Task RootConvention_PastTheAccountLimit_IsLimitExceeded_AndMakesNoAccount()
    {
        await using var server = await LabServer.StartAsync(world =>
        {
            _ = world.CreateAccount("111111111111").Value;
            world.Limits.MaxAccounts = 1;
        });
        using var known = server.StsAsRoot("111111111111");
        using var fresh = server.StsAsRoot("222222222222");

        var identity = await known.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var refused = await Assert.ThrowsAnyAsync<Amazon.SecurityToken.AmazonSecurityTokenServiceException>(
            () => fresh.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("arn:aws:iam::111111111111:root", identity.Arn);
        Assert.Equal("LimitExceeded", refused.ErrorCode);
        Assert.Contains("WorldLimits.MaxAccounts", refused.Message, StringComparison.Ordinal);
        Assert.False(server.World.Accounts.ContainsKey("222222222222"));
    }
}
