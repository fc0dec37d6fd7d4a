using System.Net;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Sts;

/// <summary>The article's cross-account flow with the real STS client against the lab endpoint.</summary>
public sealed class CrossAccountAssumeRoleTests
{
    [Fact]
    public async Task GetCallerIdentity_AsPartnerRoot_NamesTheRootUser()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var sts = server.StsAsRoot(CrossAccountWorld.Partner);

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:iam::999999999999:root", identity.Arn);
        Assert.Equal(CrossAccountWorld.Partner, identity.Account);
        Assert.Equal(CrossAccountWorld.Partner, identity.UserId);
    }

    [Fact]
    public async Task AssumeRole_WithTheExternalId_ReturnsCredentialsThatActAsTheRole()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        var assumed = await partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.RoleArn,
            RoleSessionName = "partner-session",
            ExternalId = CrossAccountWorld.ExternalId,
        });
        using var asRole = server.Sts(assumed.Credentials);
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/partner-session", assumed.AssumedRoleUser.Arn);
        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(server.Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), new DateTimeOffset(assumed.Credentials.Expiration!.Value).ToUnixTimeSeconds(), 2.0);
        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);
        Assert.Equal(CrossAccountWorld.Owner, identity.Account);
        Assert.Equal(assumed.AssumedRoleUser.AssumedRoleId, identity.UserId);
    }

    [Fact]
    public async Task AssumeRole_WithoutTheExternalId_IsAccessDeniedNamingTheTrustPolicy()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.RoleArn,
            RoleSessionName = "partner-session",
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(Amazon.Runtime.ErrorType.Sender, error.ErrorType);
        Assert.Contains("arn:aws:iam::999999999999:user/partner-dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/PartnerAccess", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task AssumeRole_WithAWrongExternalId_IsAccessDenied()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.RoleArn,
            RoleSessionName = "partner-session",
            ExternalId = "someone-elses-id",
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task AssumeRole_ChainedAskingForTwoHours_IsRefusedWithTheChainingLimit()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var first = await CrossAccountWorld.AssumePartnerAccessAsync(server, "hop-1");
        using var asRole = server.Sts(first.Credentials);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => asRole.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.ChainerArn,
            RoleSessionName = "hop-2",
            DurationSeconds = 7200,
        }));
        var allowed = await asRole.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountWorld.ChainerArn, RoleSessionName = "hop-2", DurationSeconds = 3600 });

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", error.Message);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/Chainer/hop-2", allowed.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task AssumeRole_MissingRoleSessionName_IsAValidationErrorNamingTheMember()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => partner.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountWorld.RoleArn }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null", error.Message);
    }
}
