using YamlDotNet.RepresentationModel;
using Xunit;

namespace IamLab.Endpoint.Tests.Files;

/// <summary>.devcontainer/devcontainer.json (JSONC) and its compose file parse and match the README's Devcontainer section.</summary>
public sealed class DevcontainerFilesTests
{
    private const string Readme = "README.md";
    private const string Section = "Devcontainer / Codespaces";

    [Fact]
    public void Extensions_AreTheNotebookAndCSharpOnes_AndTheReadmeNamesEach()
    {
        using var json = RepositoryFiles.Jsonc(".devcontainer/devcontainer.json");
        var extensions = json.RootElement.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        var section = RepositoryFiles.Section(Readme, Section);

        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
        Assert.Contains("ms-dotnettools.csharp", extensions);
        Assert.Contains("ms-dotnettools.csdevkit", extensions);
        Assert.All(extensions, e => Assert.Contains(e, section, StringComparison.Ordinal));
    }

    [Fact]
    public void Port4566_IsForwarded_AndServeIsStartedOnIt_AsTheReadmeSays()
    {
        using var json = RepositoryFiles.Jsonc(".devcontainer/devcontainer.json");
        var root = json.RootElement;
        var ports = root.GetProperty("forwardPorts").EnumerateArray().Select(p => p.GetInt32()).ToList();
        var start = root.GetProperty("postStartCommand").GetString()!;
        var section = RepositoryFiles.Section(Readme, Section);

        Assert.Equal([4566], ports);
        Assert.Contains("src/IamLab.Cli", start, StringComparison.Ordinal);
        Assert.Contains("-- serve --port 4566", start, StringComparison.Ordinal);
        Assert.Contains("iamlab serve", section, StringComparison.Ordinal);
        Assert.Contains("4566", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_KeepsTheWorldInAGitignoredStoreInTheWorkspace_WhichStateCommandsFind()
    {
        using var json = RepositoryFiles.Jsonc(".devcontainer/devcontainer.json");
        var root = json.RootElement;
        var start = root.GetProperty("postStartCommand").GetString()!;
        var workspace = root.GetProperty("workspaceFolder").GetString()!;
        var store = root.GetProperty("containerEnv").GetProperty("IAMLAB_STATE").GetString()!;
        var ignored = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, ".gitignore"));
        var section = RepositoryFiles.Section(Readme, Section);

        // A restarted Codespace keeps the workspace, so the world kept there survives; the folder is made first.
        Assert.StartsWith("mkdir -p .iamlab && ", start, StringComparison.Ordinal);
        Assert.Contains("-- serve --port 4566 --state .iamlab/world.db ", start, StringComparison.Ordinal);
        Assert.Equal(workspace + "/.iamlab/world.db", store);
        Assert.Contains(".iamlab/", ignored);
        Assert.Contains("--state .iamlab/world.db", section, StringComparison.Ordinal);
        Assert.Contains("docs/state.md", section, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLabIsBuiltOnCreation_InADotnet10SdkImage()
    {
        using var json = RepositoryFiles.Jsonc(".devcontainer/devcontainer.json");
        var compose = RepositoryFiles.Yaml(".devcontainer/" + json.RootElement.GetProperty("dockerComposeFile").GetString());
        var service = json.RootElement.GetProperty("service").GetString()!;
        var image = ((YamlScalarNode)compose.At("services", service, "image")).Value!;

        Assert.Equal("dotnet build Lab.sln", json.RootElement.GetProperty("postCreateCommand").GetString());
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", image);
    }

    [Fact]
    public void LocalStack_IsAnOptionalServiceWithTheSamePinAsLocalstackCompose()
    {
        using var json = RepositoryFiles.Jsonc(".devcontainer/devcontainer.json");
        var compose = RepositoryFiles.Yaml(".devcontainer/docker-compose.yml");
        var pinned = ((YamlScalarNode)RepositoryFiles.Yaml("localstack/docker-compose.yml").At("services", "localstack", "image")).Value;

        Assert.Equal(pinned, ((YamlScalarNode)compose.At("services", "localstack", "image")).Value);
        Assert.Equal(["localstack"], compose.At("services", "localstack", "profiles").Strings());
        Assert.DoesNotContain("localstack", json.RootElement.GetProperty("runServices").EnumerateArray().Select(s => s.GetString()));
    }
}
