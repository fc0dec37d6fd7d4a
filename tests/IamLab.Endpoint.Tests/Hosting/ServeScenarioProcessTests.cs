using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.State;
using Xunit;
using static IamLab.Endpoint.Tests.Hosting.ServeScenarioWorld;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// <c>iamlab serve --scenario</c> run as a process: the keys it prints sign requests as the scenario's users, and with
/// <c>--state</c> the scenario seeds the file once and the saved world wins on the next start.
/// </summary>
public sealed class ServeScenarioProcessTests
{
    [Fact]
    public async Task PrintedKeysOfDev_AssumeTheRole_AndAnExistingStateFileWinsOverTheScenario()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"iamlab-serve-scenario-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var state = Path.Combine(folder, "state.json");
        var scenarios = Path.GetDirectoryName(ScenarioDirectory)!;
        try
        {
            (string Id, string Secret) firstKey;
            using (var first = await IamlabProcess.StartAsync("serve", "--port", "0", "--scenario", ScenarioId,
                       "--submission", Path.Combine(ScenarioDirectory, "solution"), "--scenarios", scenarios, "--state", state))
            {
                await first.WaitForUrlAsync();
                firstKey = PrintedKey(first.Output, DevArn);
                var assumed = await AssumeAsync(first.Url, firstKey);

                Assert.Contains($"Scenario: {ScenarioId} (Cross-account access with an ExternalId)", first.Output, StringComparison.Ordinal);
                Assert.Contains("with the submission's files", first.Output, StringComparison.Ordinal);
                // The export lines name the root of the scenario's first account, not the empty default account.
                Assert.Contains("export AWS_ACCESS_KEY_ID=111111111111", first.Output, StringComparison.Ordinal);
                Assert.Contains("root user of a scenario account: access key id = the account id (111111111111, 999999999999, 222222222222), secret access key test", first.Output, StringComparison.Ordinal);
                Assert.Equal("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/CrossAccountSession", assumed.AssumedRoleUser.Arn);
                first.Terminate();
                Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            }

            // Without --submission the scenario alone would serve the starter files (which refuse dev); the saved
            // world, built with the solution, is served instead.
            using var second = await IamlabProcess.StartAsync("serve", "--port", "0", "--scenario", ScenarioId, "--scenarios", scenarios, "--state", state);
            await second.WaitForUrlAsync();
            var secondKey = PrintedKey(second.Output, DevArn);
            var again = await AssumeAsync(second.Url, secondKey);

            Assert.Contains($"State file {Path.GetFullPath(state)} exists: serving the world saved in it", second.Output, StringComparison.Ordinal);
            Assert.Equal(firstKey, secondKey);
            Assert.Equal("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/CrossAccountSession", again.AssumedRoleUser.Arn);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The two lines after the user's ARN: "AWS_ACCESS_KEY_ID=..." and "AWS_SECRET_ACCESS_KEY=...".
    private static (string Id, string Secret) PrintedKey(string output, string userArn)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        var at = lines.IndexOf(userArn);
        Assert.True(at >= 0, $"{userArn} is not printed:\n{output}");
        Assert.StartsWith("AWS_ACCESS_KEY_ID=", lines[at + 1], StringComparison.Ordinal);
        Assert.StartsWith("AWS_SECRET_ACCESS_KEY=", lines[at + 2], StringComparison.Ordinal);
        return (lines[at + 1]["AWS_ACCESS_KEY_ID=".Length..], lines[at + 2]["AWS_SECRET_ACCESS_KEY=".Length..]);
    }

    private static async Task<AssumeRoleResponse> AssumeAsync(Uri url, (string Id, string Secret) key)
    {
        using var sts = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(key.Id, key.Secret),
            new AmazonSecurityTokenServiceConfig { ServiceURL = url.ToString().TrimEnd('/'), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        return await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "CrossAccountSession", ExternalId = ExternalId });
    }
}
