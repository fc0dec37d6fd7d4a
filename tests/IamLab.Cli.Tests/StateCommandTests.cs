using IamLab.World;
using IamLab.World.State;
using Xunit;

namespace IamLab.Cli.Tests;

/// <summary><c>iamlab state export</c> / <c>import</c>: the world store to and from the JSON state document.</summary>
public sealed class StateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iamlab-state-cli-").FullName;

    [Fact]
    public async Task ExportThenImport_RoundTripsTheWorld_ThroughTheJsonDocument()
    {
        var store = Path.Combine(_folder, "world.db");
        var world = new LabWorld();
        _ = world.CreateAccount("123456789012").Value;
        _ = world.Iam("123456789012").CreateRole("kept", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""").Value;
        WorldStore.Create(store, world).Value.Dispose();
        var json = Path.Combine(_folder, "world.json");
        var copy = Path.Combine(_folder, "copy.db");

        var exported = await CliRunner.Run("state", "export", json, "--state", store);
        var imported = await CliRunner.Run("state", "import", json, "--state", copy);

        Assert.Equal(0, exported.Status);
        Assert.Equal($"Exported the world in {store} to {json}.{Environment.NewLine}", exported.Output);
        Assert.Equal(StateStore.Serialize(world), File.ReadAllText(json));
        Assert.Equal(0, imported.Status);
        Assert.Equal($"Imported {json} into {copy}: 1 accounts, 0 sessions.{Environment.NewLine}", imported.Output);
        Assert.True(WorldStore.Read(copy).Value.World.Iam("123456789012").Account.Roles.ContainsKey("kept"));
    }

    [Fact]
    public async Task NoStoreNamed_IsAUsageError_SayingHowToNameIt()
    {
        Environment.SetEnvironmentVariable("IAMLAB_STATE", null);

        var result = await CliRunner.Run("state", "export", Path.Combine(_folder, "out.json"));

        Assert.Equal(2, result.Status);
        Assert.Equal($"iamlab state export: which store? Pass --state STORE (the file `iamlab serve --state` uses) or set IAMLAB_STATE.{Environment.NewLine}", result.Error);
    }

    [Fact]
    public async Task ImportOfABrokenDocument_IsRefused_AndTheStoreIsNotMade()
    {
        var json = CliRunner.TempFile("{ \"FormatVersion\": 1, \"Accounts\": ");
        var store = Path.Combine(_folder, "never.db");

        var result = await CliRunner.Run("state", "import", json, "--state", store);

        Assert.Equal(2, result.Status);
        Assert.StartsWith("iamlab state import: StateCorrupt: The state document cannot be read: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
        File.Delete(json);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
