using Amazon.S3;
using IamLab.Endpoint.Tests.Ec2;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.Imds;

/// <summary>
/// The article's instance: an SDK client created with no credentials at all finds the instance role's credentials
/// by itself through the metadata service named by AWS_EC2_METADATA_SERVICE_ENDPOINT, the SDK's documented setting.
/// The SDK reads that variable from the process environment, so this test runs in a collection of its own; and it keeps
/// the instance credentials it found for the whole process, so one test per process can use it (the instance's own
/// listener is driven by the AWS CLI and boto3 in InstanceMetadataShellFlowTests, from other processes).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ImdsSdkDiscoveryTests
{
    // Every variable that would give the SDK credentials before it asks the metadata service.
    private static readonly string[] Isolated =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_EC2_METADATA_DISABLED", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_SERVICE_ENDPOINT",
    ];

    [Fact]
    public async Task S3ClientWithoutCredentials_OnTheInstance_FindsTheRoleThroughImds_AndReadsWhatTheRoleMayRead()
    {
        await using var server = await LabServer.StartAsync(Ec2World.Seed);
        await server.PutAsOwnerAsync(("app/settings.txt", "from the instance role"), ("private/x", "not for the app"));

        var instanceId = await ImdsTests.LaunchAsync(server);
        var empty = Path.Combine(Path.GetTempPath(), "iamlab-no-aws-config-" + Guid.NewGuid().ToString("N"));
        var variables = Isolated.ToDictionary(name => name, _ => (string?)null);
        variables["AWS_SHARED_CREDENTIALS_FILE"] = empty;
        variables["AWS_CONFIG_FILE"] = empty;
        variables["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = $"{server.Url}/_imds/{instanceId}";
        using (SdkEnvironment.Set(variables))
        {
            using var s3 = new AmazonS3Client(new AmazonS3Config
            {
                ServiceURL = server.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
            });
            var text = await s3.GetTextAsync("app/settings.txt");
            var denied = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.GetTextAsync("private/x"));

            Assert.Equal("from the instance role", text);
            Assert.Equal("AccessDenied", denied.ErrorCode);
            Assert.Contains($"assumed-role/AppServerRole/{instanceId}", denied.Message, StringComparison.Ordinal);
        }
    }
}
