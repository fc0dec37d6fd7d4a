using System.Net;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Sts;

/// <summary>STS's parameter rules and limits, as the SDK reports them.</summary>
public sealed class AssumeRoleValidationTests
{
    [Fact]
    public async Task SessionNameWithASpace_IsAValidationErrorQuotingThePattern()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        // Built at run time: the SDK's analyzer would refuse the literal before the server could.
        var sessionName = string.Join(' ', "has", "space");
        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = CrossAccountWorld.RoleArn,
            RoleSessionName = sessionName,
            ExternalId = CrossAccountWorld.ExternalId,
        }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.StartsWith("1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DurationAboveTheRolesMaximum_IsRefused()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var iam = server.Iam(CrossAccountWorld.Owner);
        await iam.CreateRoleAsync("OneHour", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}""");
        using var partner = CrossAccountWorld.PartnerSts(server);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::111111111111:role/OneHour",
            RoleSessionName = "too-long",
            DurationSeconds = 7200,
        }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", error.Message);
    }

    [Fact]
    public async Task RoleThatDoesNotExist_IsAccessDeniedNotNoSuchEntity()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::111111111111:role/Ghost",
            RoleSessionName = "ghost-hunt",
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("User: arn:aws:iam::999999999999:user/partner-dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Ghost", error.Message);
    }
}
