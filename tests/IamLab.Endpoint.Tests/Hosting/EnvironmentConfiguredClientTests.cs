using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>An SDK client configured only through the standard AWS environment variables, as the README shows.</summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class EnvironmentConfiguredClientTests
{
    [Fact]
    public async Task StsClientWithNoConfiguration_FindsTheEndpointAndTheRootCredentialsInTheEnvironment()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        using (SdkEnvironment.PointAt(server.Url, CrossAccountWorld.Partner))
        {
            using var sts = new AmazonSecurityTokenServiceClient();
            var before = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = CrossAccountWorld.RoleArn,
                RoleSessionName = "from-env",
                ExternalId = CrossAccountWorld.ExternalId,
            });

            Assert.Equal("arn:aws:iam::999999999999:root", before.Arn);
            Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/from-env", assumed.AssumedRoleUser.Arn);
        }
    }
}
