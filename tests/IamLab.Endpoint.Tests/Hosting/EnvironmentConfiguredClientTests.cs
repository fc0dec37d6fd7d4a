using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>An SDK client configured only through the standard AWS environment variables, as the README shows.</summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class EnvironmentConfiguredClientTests
{
    [Fact]
    public async Task StsClientWithNoConfiguration_FindsTheEndpointAndTheUsersKeyInTheEnvironment()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var key = server.World.Iam(CrossAccountWorld.Partner).Account.Users["partner-dev"].AccessKeys[0];
        using (SdkEnvironment.PointAt(server.Url, key.AccessKeyId, key.SecretAccessKey))
        {
            using var sts = new AmazonSecurityTokenServiceClient();
            var before = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = CrossAccountWorld.RoleArn,
                RoleSessionName = "from-env",
                ExternalId = CrossAccountWorld.ExternalId,
            });

            Assert.Equal(CrossAccountWorld.PartnerCallerArn, before.Arn);
            Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/from-env", assumed.AssumedRoleUser.Arn);
        }
    }
}
