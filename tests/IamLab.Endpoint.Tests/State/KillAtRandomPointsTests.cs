using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Client;
using IamLab.World.State;
using Xunit;
using Xunit.Abstractions;

namespace IamLab.Endpoint.Tests.State;

/// <summary>
/// <c>iamlab serve --state</c> as a real process, killed with SIGKILL at a random moment under a mixed write load
/// (CreateRole through the lab's IAM client, AssumeRole through the AWS SDK as an IAM user), several times over the
/// same store: after each kill every acknowledged role and session is in the store, the store opens, and the next
/// round serves it. The seed of the random moments is printed, so a failure can be replayed.
/// </summary>
[Collection(Hosting.ProcessEnvironmentTests.Name)]
public sealed class KillAtRandomPointsTests(ITestOutputHelper output) : IDisposable
{
    private const string Account = "666666666666";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::666666666666:root"},"Action":"sts:AssumeRole"}]}""";
    private const string MayAssume = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""";
    private const int RolesPerWriterPerRound = 60;
    private readonly string _folder = Directory.CreateTempSubdirectory("iamlab-kill-").FullName;

    [Fact]
    public async Task KilledAtRandomMoments_LosesNoAcknowledgedChange_AndTheStoreAlwaysOpens()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var store = Path.Combine(_folder, "world.db");
        var roles = new ConcurrentBag<string>();
        var sessions = new ConcurrentBag<string>();
        IamQueryClientAccessKey? key = null;
        for (var round = 0; round < 3; round++)
        {
            using (var server = await IamlabProcess.StartAsync("serve", "--port", "0", "--state", store))
            {
                await server.WaitForUrlAsync();
                if (key is null)
                {
                    using var setup = new IamQueryClient(server.Url, Account, "test");
                    await setup.CreateRoleAsync("target", Trust);
                    await setup.CreateUserAsync("loader");
                    await setup.PutUserPolicyAsync("loader", "assume", MayAssume);
                    key = await setup.CreateAccessKeyAsync("loader");
                }

                using var stop = new CancellationTokenSource();
                var acknowledged = 0;
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    using var iam = new IamQueryClient(server.Url, Account, "test");
                    using var sts = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey),
                        new AmazonSecurityTokenServiceConfig { ServiceURL = server.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            // At most 60 roles a writer a round (720 in all): the account stays under IAM's quota of
                            // 1,000 roles, which a fast run used to reach in its last round (every CreateRole then
                            // failed with LimitExceeded and the writers stopped before the kill).
                            if (i % 2 == 0 && i < 2 * RolesPerWriterPerRound)
                            {
                                var name = $"r{round}-{w}-{i}";
                                await iam.CreateRoleAsync(name, Trust);
                                roles.Add(name);
                            }
                            else
                            {
                                var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{Account}:role/target", RoleSessionName = $"s{round}-{w}-{i}" });
                                sessions.Add(assumed.Credentials.AccessKeyId);
                            }

                            Interlocked.Increment(ref acknowledged);
                        }
                        catch (Exception e) when (e is HttpRequestException or IamQueryClientException or AmazonServiceException or AmazonClientException or TaskCanceledException)
                        {
                            return; // the server is gone
                        }
                    }
                })).ToList();

                // A random moment once the load is running: anywhere in a write, a flush or between them.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (Volatile.Read(ref acknowledged) < 20 && DateTime.UtcNow < deadline && writers.All(t => !t.IsCompleted))
                {
                    await Task.Delay(10);
                }

                await Task.Delay(random.Next(0, 1500));
                server.KillHard();
                await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                output.WriteLine($"round {round}: {acknowledged} changes acknowledged before the kill; {roles.Count} roles and {sessions.Count} sessions so far");
                Assert.True(acknowledged >= 20, $"round {round}: only {acknowledged} changes were acknowledged before the kill");
            }

            var read = WorldStore.Read(store);
            Assert.True(read.IsSuccess, $"round {round} (seed {seed}): {read.Error}");
            var world = read.Value.World;
            var missingRoles = roles.Where(r => !world.Iam(Account).Account.Roles.ContainsKey(r)).ToList();
            var missingSessions = sessions.Where(s => !world.Sts.Sessions.ContainsKey(s)).ToList();
            Assert.True(missingRoles.Count == 0 && missingSessions.Count == 0,
                $"round {round} (seed {seed}): acknowledged but not in the store: roles {string.Join(", ", missingRoles)}; sessions {string.Join(", ", missingSessions)}");
            foreach (var notice in read.Value.Notices)
            {
                output.WriteLine($"round {round}: {notice}");
            }
        }

        Assert.True(!roles.IsEmpty && !sessions.IsEmpty);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
