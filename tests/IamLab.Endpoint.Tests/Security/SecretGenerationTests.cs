using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// Secrets from the cryptographic generator: two fresh endpoints given the same operations hand out the same
/// identifiers (scenarios may name them) but unrelated secrets, so no secret can be derived from a key id.
/// </summary>
public sealed class SecretGenerationTests
{
    [Fact]
    public async Task TwoFreshServers_SameKeyIdsButDifferentSecretsAndTokens()
    {
        await using var first = await LabServer.StartAsync(CrossAccountWorld.Seed);
        await using var second = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var one = (await CrossAccountWorld.AssumePartnerAccessAsync(first, "same")).Credentials;
        var two = (await CrossAccountWorld.AssumePartnerAccessAsync(second, "same")).Credentials;
        var userOne = first.World.Iam(CrossAccountWorld.Partner).Account.Users["partner-dev"].AccessKeys[0];
        var userTwo = second.World.Iam(CrossAccountWorld.Partner).Account.Users["partner-dev"].AccessKeys[0];

        Assert.Equal(userOne.AccessKeyId, userTwo.AccessKeyId);
        Assert.NotEqual(userOne.SecretAccessKey, userTwo.SecretAccessKey);
        Assert.Equal(one.AccessKeyId, two.AccessKeyId);
        Assert.NotEqual(one.SecretAccessKey, two.SecretAccessKey);
        Assert.NotEqual(one.SessionToken, two.SessionToken);
    }

    [Fact]
    public async Task SessionKeyWithAnotherServersSecret_IsRefused()
    {
        await using var first = await LabServer.StartAsync(CrossAccountWorld.Seed);
        await using var second = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var mine = (await CrossAccountWorld.AssumePartnerAccessAsync(first, "mine")).Credentials;
        _ = await CrossAccountWorld.AssumePartnerAccessAsync(second, "mine");
        // The same key id exists on the second server; its secret is not this one.
        using var sts = second.Sts(mine);

        var error = await Assert.ThrowsAsync<Amazon.SecurityToken.AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
    }
}
