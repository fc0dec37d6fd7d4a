using System.Collections.Concurrent;
using IamLab.Client;
using IamLab.World.State;
using Xunit;

namespace IamLab.Endpoint.Tests.State;

/// <summary>
/// <c>iamlab serve --state FILE</c> as a real process: every acknowledged write survives <c>kill -9</c> in the
/// middle of a write load, the file stays valid, and a restart serves the same world. Runs alone (it starts processes).
/// </summary>
[Collection(Hosting.ProcessEnvironmentTests.Name)]
public sealed class KillDuringLoadTests : IDisposable
{
    private const string Account = "777777777777";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("iamlab-state-").FullName;

    [Fact]
    public async Task KillNineMidLoad_KeepsEveryAcknowledgedWrite_AndRestartServesThem()
    {
        var state = Path.Combine(_folder, "world.json");
        var acknowledged = new ConcurrentBag<string>();
        using (var server = await IamlabProcess.StartAsync("serve", "--port", "0", "--state", state))
        {
            await server.WaitForUrlAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var iam = new IamQueryClient(server.Url, Account, "test");
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"role-{w}-{i}";
                    try
                    {
                        await iam.CreateRoleAsync(name, Trust);
                        acknowledged.Add(name);
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (IamQueryClientException)
                    {
                        return;
                    }
                }
            })).ToList();

            // Kill once a good number of writes are acknowledged, while the writers are still sending.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 150 && DateTime.UtcNow < deadline && writers.All(t => !t.IsCompleted))
            {
                await Task.Delay(20);
            }

            server.KillHard();
            await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var loaded = WorldStore.Read(state);
        Assert.True(loaded.IsSuccess, loaded.Error?.ToString());
        var saved = loaded.Value.World.Iam(Account).Account.Roles.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(acknowledged.Count >= 50, $"only {acknowledged.Count} writes were acknowledged before the kill");
        Assert.Subset(saved, acknowledged.ToHashSet(StringComparer.OrdinalIgnoreCase));

        using var restarted = await IamlabProcess.StartAsync("serve", "--port", "0", "--state", state);
        await restarted.WaitForUrlAsync();
        using var client = new IamQueryClient(restarted.Url, Account, "test");
        var served = (await client.ListRolesAsync()).Select(r => r.RoleName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Subset(served, acknowledged.ToHashSet(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(saved.Count, served.Count);
    }

    [Fact]
    public async Task Sigterm_StopsCleanlyWithExitStatusZero()
    {
        var state = Path.Combine(_folder, "term.json");
        using var server = await IamlabProcess.StartAsync("serve", "--port", "0", "--state", state);
        await server.WaitForUrlAsync();
        using (var iam = new IamQueryClient(server.Url, Account, "test"))
        {
            await iam.CreateRoleAsync("before-term", Trust);
        }

        server.Terminate();
        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exit);
        Assert.Contains("Stopped.", server.Output, StringComparison.Ordinal);
        Assert.Contains("export AWS_ENDPOINT_URL=http://127.0.0.1:", server.Output, StringComparison.Ordinal);
        Assert.Contains("export AWS_ACCESS_KEY_ID=000000000000", server.Output, StringComparison.Ordinal);
        Assert.True(WorldStore.Read(state).Value.World.Iam(Account).Account.Roles.ContainsKey("before-term"));
    }

    [Fact]
    public async Task UnknownScenario_ExitsTwo_ListingTheKnownScenarios()
    {
        // --scenario with a known id is served (see Hosting/ServeScenarioProcessTests); an unknown one stops at once.
        using var server = await IamlabProcess.StartAsync("serve", "--port", "0", "--scenario", "no-such-scenario");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("SCENARIO_UNKNOWN: There is no scenario \"no-such-scenario\"", server.Errors, StringComparison.Ordinal);
        Assert.Contains("cross-account-external-id", server.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
