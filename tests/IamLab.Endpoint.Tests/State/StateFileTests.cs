using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World.State;
using Xunit;

namespace IamLab.Endpoint.Tests.State;

/// <summary>The endpoint's world store, in process: durable before the answer, loaded at start, refused when corrupt, and untouched by reads.</summary>
public sealed class StateFileTests : IDisposable
{
    private const string Account = "888888888888";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly string _folder = Directory.CreateTempSubdirectory("iamlab-state-").FullName;

    [Fact]
    public async Task AcknowledgedCreateRole_IsInTheFileBeforeTheAnswerArrives()
    {
        var path = Path.Combine(_folder, "world.json");
        await using var server = await LabServer.StartAsync(stateFile: path);
        using var iam = server.Iam(Account);

        await iam.CreateRoleAsync("saved-first", Trust);
        var onDisk = WorldStore.Read(path);

        Assert.True(onDisk.IsSuccess, onDisk.Error?.ToString());
        Assert.True(onDisk.Value.World.Iam(Account).Account.Roles.ContainsKey("saved-first"));
    }

    [Fact]
    public async Task Restart_WithTheSameStateFile_ServesTheSameWorld()
    {
        var path = Path.Combine(_folder, "world.json");
        string roleId;
        await using (var first = await LabServer.StartAsync(stateFile: path))
        {
            using var iam = first.Iam(Account);
            roleId = (await iam.CreateRoleAsync("kept", Trust, path: "/k/")).RoleId;
        }

        await using var second = await LabServer.StartAsync(stateFile: path);
        using var again = second.Iam(Account);
        var role = await again.GetRoleAsync("kept");

        Assert.Equal(roleId, role.RoleId);
        Assert.Equal("arn:aws:iam::888888888888:role/k/kept", role.Arn);
    }

    [Fact]
    public void CorruptStateFile_IsReportedAndLeftAlone()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{ not json");

        var opened = LabEndpoint.OpenWorld(new LabEndpointOptions { StateFile = path });

        Assert.False(opened.IsSuccess);
        Assert.Equal("StateCorrupt", opened.Error!.Code);
        Assert.Equal("{ not json", File.ReadAllText(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
