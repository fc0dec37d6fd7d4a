using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>What the real STS client gets back for bad keys, bad signatures, stale requests and expired sessions.</summary>
public sealed class AuthenticationErrorTests
{
    [Fact]
    public async Task UnknownAccessKey_IsInvalidClientTokenId()
    {
        await using var server = await LabServer.StartAsync();
        using var sts = server.Sts(new BasicAWSCredentials("AKIANOSUCHKEY0000000", "whatever"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task WrongSecret_IsSignatureDoesNotMatch()
    {
        await using var server = await LabServer.StartAsync();
        using var sts = server.Sts(new BasicAWSCredentials("123456789012", "not-test"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTwentyMinutesBehindTheServerClock_IsSignatureExpired()
    {
        await using var server = await LabServer.StartAsync(start: DateTimeOffset.UtcNow.AddMinutes(20));
        using var sts = server.StsAsRoot("123456789012");

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.StartsWith("Signature expired: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("- 15 min.)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootKey_CreatesItsAccountOnFirstUse()
    {
        await using var server = await LabServer.StartAsync();
        using var sts = server.StsAsRoot("555555555555");
        var before = server.World.Accounts.ContainsKey("555555555555");

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.False(before);
        Assert.True(server.World.Accounts.ContainsKey("555555555555"));
        Assert.Equal("arn:aws:iam::555555555555:root", identity.Arn);
    }

    [Fact]
    public async Task ExpiredSession_GetsExpiredTokenForEveryCall()
    {
        // The world's clock starts 850 s behind the real one (within the 15-minute skew the SDK's signature may have),
        // the session lasts 900 s, then the clock jumps 2 minutes past real time: the session is over, the clocks agree.
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed, start: DateTimeOffset.UtcNow.AddSeconds(-850));
        using var partner = CrossAccountWorld.PartnerSts(server);
        var session = await partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.RoleArn,
            RoleSessionName = "short",
            ExternalId = CrossAccountWorld.ExternalId,
            DurationSeconds = 900,
        });
        using var asRole = server.Sts(session.Credentials);
        var whileValid = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        server.Time.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(2));
        var identityError = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        var chainError = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => asRole.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.ChainerArn,
            RoleSessionName = "late",
        }));
        var userStillWorks = await partner.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/short", whileValid.Arn);
        Assert.Equal("ExpiredToken", identityError.ErrorCode);
        Assert.Equal("The security token included in the request is expired", identityError.Message);
        Assert.Equal(HttpStatusCode.Forbidden, identityError.StatusCode);
        Assert.Equal("ExpiredToken", chainError.ErrorCode);
        Assert.Equal(CrossAccountWorld.PartnerCallerArn, userStillWorks.Arn);
    }

    [Fact]
    public async Task SessionKeyWithoutItsToken_IsInvalidClientTokenId()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var session = await CrossAccountWorld.AssumePartnerAccessAsync(server, "tokenless");
        using var noToken = server.Sts(new BasicAWSCredentials(session.Credentials.AccessKeyId, session.Credentials.SecretAccessKey));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => noToken.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }
}
