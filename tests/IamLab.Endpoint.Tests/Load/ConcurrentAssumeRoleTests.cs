using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Load;

/// <summary>
/// Sixteen SDK clients assuming the role at once: every call answered, every session distinct and known to the
/// world. (Throughput and latency are measured by bench/IamLab.LoadTest, never asserted in tests.)
/// </summary>
public sealed class ConcurrentAssumeRoleTests
{
    [Fact]
    public async Task SixteenClientsAtOnce_EachGetTheirOwnWorkingSession()
    {
        await using var server = await LabServer.StartAsync(CrossAccountWorld.Seed);
        const int Clients = 16;
        const int CallsEach = 25;

        var sessions = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var sts = CrossAccountWorld.PartnerSts(server);
            var mine = new List<Credentials>();
            for (var i = 0; i < CallsEach; i++)
            {
                var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
                {
                    RoleArn = CrossAccountWorld.RoleArn,
                    RoleSessionName = $"client-{c}-{i}",
                    ExternalId = CrossAccountWorld.ExternalId,
                });
                mine.Add(response.Credentials);
            }

            return mine;
        })));
        var all = sessions.SelectMany(s => s).ToList();
        using var last = server.Sts(all[^1]);
        var identity = await last.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(Clients * CallsEach, all.Select(c => c.AccessKeyId).Distinct().Count());
        Assert.All(all, c => Assert.True(server.World.Sts.Sessions.ContainsKey(c.AccessKeyId)));
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/client-15-24", identity.Arn);
    }
}
