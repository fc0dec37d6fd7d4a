using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace IamLab.Endpoint.Tests.State;

/// <summary>
/// <c>iamlab serve</c> started as a process, used exactly as it tells the user to: the <c>export</c> lines it prints
/// are set in the environment and an SDK client created with no settings at all talks to it.
/// </summary>
[Collection(Hosting.ProcessEnvironmentTests.Name)]
public sealed class ServeByHandTests
{
    private static readonly string[] Variables =
        ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_SESSION_TOKEN", "AWS_PROFILE"];

    [Fact]
    public async Task PrintedExportLines_ConfigureAnSdkClientThatNeedsNothingElse()
    {
        using var server = await IamlabProcess.StartAsync("serve", "--port", "0");
        await server.WaitForUrlAsync();
        var exports = server.Output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        using (Hosting.SdkEnvironment.Set(Variables.ToDictionary(name => name, name => exports.GetValueOrDefault(name))))
        {
            using var sts = new AmazonSecurityTokenServiceClient();
            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

            // AWS_DEFAULT_REGION too: boto3 and the AWS CLI v1 read only that one (NoRegionError otherwise).
            Assert.Equal(["AWS_ACCESS_KEY_ID", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_SECRET_ACCESS_KEY"], exports.Keys.Order());
            Assert.Equal("us-east-1", exports["AWS_DEFAULT_REGION"]);
            Assert.Equal(server.Url.ToString().TrimEnd('/'), exports["AWS_ENDPOINT_URL"]);
            Assert.Equal("arn:aws:iam::000000000000:root", identity.Arn);
            Assert.Equal("000000000000", identity.Account);
        }
    }
}
