using System.Reflection;
using System.Text.RegularExpressions;
using IamLab.Cli.Tests.Teaching;
using Xunit;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// The Dockerfile cannot be built here (no Docker engine), so its steps are run as they would run in it: the one RUN of
/// the build stage, with the image's paths (/lab, /opt/iamlab, /tmp/iamlab-feed) mapped to a temporary prefix, and then
/// the image's entrypoint as <c>docker run -v "$PWD:/work" iamlab grade ...</c> runs it. The one difference, stated:
/// the RUN packs the build the tests already made (IAMLAB_CONFIGURATION and IAMLAB_PACK_OPTIONS=--no-build) where the
/// image compiles a Release build.
/// </summary>
[Collection(PackedToolGroup.Name)]
public sealed partial class DockerImageTests(PackedTool tool)
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(LabPaths.Root, "Dockerfile"));

    [Fact]
    public void Dockerfile_InstallsWithTheActionsScript_AndRunsTheInstalledCommand()
    {
        var stages = Stages();

        Assert.Equal(2, stages.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0].From);
        Assert.Equal(["IAMLAB_LAB=/lab IAMLAB_FEED=/tmp/iamlab-feed .github/action/install.sh /opt/iamlab"], stages[0].Instructions.Where(i => i.Verb == "RUN").Select(i => i.Argument));
        Assert.Contains(("WORKDIR", "/lab"), stages[0].Instructions);
        Assert.Contains(("COPY", ". ."), stages[0].Instructions);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", stages[1].From);
        Assert.DoesNotContain(stages[1].Instructions, i => i.Verb == "RUN");
        Assert.Contains(("COPY", "--from=build /opt/iamlab /opt/iamlab"), stages[1].Instructions);
        Assert.Contains(("ENTRYPOINT", "[\"/opt/iamlab/iamlab\"]"), stages[1].Instructions);
        Assert.Contains(("WORKDIR", "/work"), stages[1].Instructions);
        var ignored = File.ReadAllLines(Path.Combine(LabPaths.Root, ".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
    }

    [Fact]
    public async Task DockerfileSteps_RunInATemporaryPrefix_AndTheEntrypointGradesTheMountedFolder()
    {
        var prefix = LabPaths.Scratch();
        string Mapped(string text) => text.Replace("/opt/iamlab", Path.Combine(prefix, "opt", "iamlab"), StringComparison.Ordinal)
            .Replace("/tmp/iamlab-feed", Path.Combine(prefix, "tmp", "iamlab-feed"), StringComparison.Ordinal)
            .Replace("IAMLAB_LAB=/lab", $"IAMLAB_LAB={LabPaths.Root}", StringComparison.Ordinal);
        var stages = Stages();
        var run = Mapped(stages[0].Instructions.Single(i => i.Verb == "RUN").Argument);
        var configuration = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        // WORKDIR /lab after COPY . . : the repository is the working folder. RUN uses /bin/sh -c.
        var build = await ProcessRun.Run("sh", ["-c", run], LabPaths.Root,
            tool.Environment(("IAMLAB_CONFIGURATION", configuration), ("IAMLAB_PACK_OPTIONS", "--no-build"), ("IAMLAB_VERSION", "0.0.0-dockertest")), timeoutSeconds: 900);
        Assert.True(build.Status == 0, build.Output + build.Error);
        Assert.True(File.Exists(Path.Combine(prefix, "tmp", "iamlab-feed", "IamLab.Cli.0.0.0-dockertest.nupkg")));

        var work = LabPaths.Scratch();
        LearnerFolders.Example(work, "answer");
        var entrypoint = Regex.Match(stages[1].Instructions.Single(i => i.Verb == "ENTRYPOINT").Argument, "^\\[\"([^\"]+)\"\\]$").Groups[1].Value;
        var (status, output, error) = await ProcessRun.Run(Mapped(entrypoint), ["grade", LearnerFolders.Scenario, "--submission", "answer", "--hint-level", "1"], work,
            tool.Environment());

        Assert.True(status == 1, output + error);
        Assert.Contains("8/15", output.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("missing-external-id-refused", output);
        Assert.False(Directory.Exists(Path.Combine(prefix, "opt", "iamlab", ".store", "iamlab.cli", "0.0.0-dockertest", "iamlab.cli", "0.0.0-dockertest", "tools", "net10.0", "any", "scenarios", LearnerFolders.Scenario, "solution")));
        Assert.True(File.Exists(Path.Combine(prefix, "opt", "iamlab", ".store", "iamlab.cli", "0.0.0-dockertest", "iamlab.cli", "0.0.0-dockertest", "tools", "net10.0", "any", "scenarios", LearnerFolders.Scenario, "scenario.yaml")));
    }

    private static List<(string From, List<(string Verb, string Argument)> Instructions)> Stages()
    {
        var stages = new List<(string From, List<(string Verb, string Argument)> Instructions)>();
        // Continuation lines joined; comments and blank lines dropped.
        var text = Regex.Replace(Dockerfile, @"\\\r?\n\s*", " ");
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var (verb, argument) = (line[..space], line[(space + 1)..].Trim());
            if (verb == "FROM")
            {
                stages.Add((argument, []));
            }
            else
            {
                stages[^1].Instructions.Add((verb, argument));
            }
        }

        return stages;
    }
}
