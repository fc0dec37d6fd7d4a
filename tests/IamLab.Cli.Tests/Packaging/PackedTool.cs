using System.Reflection;
using IamLab.Cli.Tests.Teaching;
using Xunit;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// The CLI packed once per test run, as CI users get it: <c>.github/action/install.sh</c> (the GitHub Action's and the
/// Dockerfile's install step) packs <c>src/IamLab.Cli</c> into a temporary feed and installs the tool from that feed
/// into a temporary tool folder. It packs the build the tests already made (<c>--no-build</c>, the CLI's own
/// configuration), so it needs no network and no second compile; the user's global NuGet folder and tools are untouched.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
    /// <summary>The version the test package is given (a prerelease no feed on the internet holds).</summary>
    public const string Version = "0.0.0-packtest";

    public string Folder { get; } = LabPaths.Scratch();

    /// <summary>The local feed holding IamLab.Cli.<see cref="Version"/>.nupkg.</summary>
    public string Feed => Path.Combine(Folder, "feed");

    public string Package => Path.Combine(Feed, $"IamLab.Cli.{Version}.nupkg");

    /// <summary>The tool folder install.sh installed into, and the command in it.</summary>
    public string ToolFolder => Path.Combine(Folder, "tool");

    public string Command => Path.Combine(ToolFolder, "iamlab");

    /// <summary>What install.sh printed on its last line.</summary>
    public string InstalledCommand { get; private set; } = string.Empty;

    public static string InstallScript => Path.Combine(LabPaths.Root, ".github", "action", "install.sh");

    /// <summary>The environment every dotnet command of these tests runs with: no telemetry, NuGet's folder private to the run.</summary>
    public Dictionary<string, string> Environment(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["NUGET_PACKAGES"] = Path.Combine(Folder, "nuget-packages"),
            ["DOTNET_CLI_HOME"] = Path.Combine(Folder, "cli-home"),
            ["GITHUB_ACTIONS"] = "false",
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    public async Task InitializeAsync()
    {
        var configuration = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var (status, output, error) = await ProcessRun.Run("bash", [InstallScript, ToolFolder], LabPaths.Root, Environment(
            ("IAMLAB_CONFIGURATION", configuration), ("IAMLAB_PACK_OPTIONS", "--no-build"), ("IAMLAB_FEED", Feed), ("IAMLAB_VERSION", Version)), timeoutSeconds: 900);
        Assert.True(status == 0, $"install.sh failed ({status}):\n{output}\n{error}");
        InstalledCommand = output.TrimEnd().Split('\n')[^1];
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}
