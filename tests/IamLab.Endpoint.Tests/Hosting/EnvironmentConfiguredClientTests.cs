using Amazon.Runtime.Internal;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>An SDK client configured only through the standard AWS environment variables, as the README shows.</summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class EnvironmentConfiguredClientTests
{
    private static readonly string[] Variables =
        ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_SESSION_TOKEN", "AWS_PROFILE"];

    [Fact]
    public async Task StsClientWithNoConfiguration_FindsTheEndpointAndTheRootCredentialsInTheEnvironment()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", server.Url);
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", CrossAccountWorld.Partner);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
            Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);

            // The SDK caches what it read from the environment; start from a fresh read.
            FallbackInternalConfigurationFactory.Reset();

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
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            FallbackInternalConfigurationFactory.Reset();
        }
    }
}
