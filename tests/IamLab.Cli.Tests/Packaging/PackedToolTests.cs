using System.Text.Json;
using IamLab.Cli.Tests.Teaching;
using IamLab.Scenarios.Loading;
using Xunit;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// The packed tool as CI users run it: installed with <c>dotnet tool install --tool-path</c> from a local feed (by
/// install.sh) and through a tool manifest (<c>dotnet tool run iamlab</c>, <c>dotnet iamlab</c>), grading a learner's
/// folder with the scenarios it carries and nothing else: not a scenarios/ beside the learner's files, not the
/// repository it was packed from.
/// </summary>
[Collection(PackedToolGroup.Name)]
public sealed class PackedToolTests(PackedTool tool)
{
    private static int MaxScore { get; } = ScenarioLoader.Load(Path.Combine(LabPaths.Scenarios, LearnerFolders.Scenario)).Scenario!.Checks.Sum(c => c.Weight);

    [Fact]
    public async Task ToolPath_RightAnswer_ScoresFullMarks()
    {
        var folder = LabPaths.Scratch();
        LearnerFolders.Right(folder);

        var (status, output, error) = await Grade(folder, "right");

        Assert.True(status == 0, output + error);
        var results = JsonDocument.Parse(output).RootElement;
        Assert.Equal(MaxScore, results.GetProperty("maxScore").GetInt32());
        Assert.Equal(MaxScore, results.GetProperty("score").GetInt32());
        Assert.Equal(tool.Command, tool.InstalledCommand);
    }

    [Fact]
    public async Task ToolPath_WrongAnswer_LosesTheCheckThatCatchesIt()
    {
        var folder = LabPaths.Scratch();
        LearnerFolders.Wrong(folder);
        var caughtBy = LearnerFolders.CaughtBy();

        var (status, output, error) = await Grade(folder, "wrong");

        Assert.True(status == 1, output + error);
        var results = JsonDocument.Parse(output).RootElement;
        var check = results.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == caughtBy);
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.Equal(0, check.GetProperty("score").GetInt32());
        Assert.True(results.GetProperty("score").GetInt32() <= MaxScore - check.GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task ToolPath_GradesWithItsOwnScenarios_NotAScenariosFolderBesideTheLearnersFiles()
    {
        var folder = LabPaths.Scratch();
        LearnerFolders.Example(folder);
        LearnerFolders.EasyScenariosIn(folder);

        var (status, output, error) = await Grade(folder, "example");

        Assert.True(status == 1, output + error);
        var results = JsonDocument.Parse(output).RootElement;
        Assert.Equal(8, results.GetProperty("score").GetInt32());
        Assert.Equal(MaxScore, results.GetProperty("maxScore").GetInt32());
    }

    [Fact]
    public async Task PackedTool_Check_SaysItNeedsTheRepository()
    {
        var (status, output, error) = await ProcessRun.Run(tool.Command, ["check"], LabPaths.Scratch(), tool.Environment());

        Assert.Equal(2, status);
        Assert.Equal("", output);
        Assert.StartsWith("iamlab check: CHECK_NO_ANSWERS: the scenarios in ", error);
        Assert.Contains(Path.Combine(tool.ToolFolder, ".store"), error);
        Assert.Contains("run iamlab check in a clone of the lab's repository", error);
    }

    [Fact]
    public async Task PackedTool_ClassExportWithoutFrom_RefusesEvenBesideTheRepositoryItWasPackedFrom()
    {
        var target = LabPaths.NewFolderName();

        var (status, _, error) = await ProcessRun.Run(tool.Command, ["class", "export", target], LabPaths.Root, tool.Environment());

        Assert.Equal(2, status);
        Assert.StartsWith("iamlab class export: EXPORT_NO_LAB: this tool was not built from a lab repository that is still here", error);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task ToolManifest_InstallsLocally_AndRunsAsDotnetToolRunAndDotnetIamlab()
    {
        var repository = LabPaths.Scratch();
        LearnerFolders.Right(repository);
        LearnerFolders.Wrong(repository);
        var config = NuGetConfig(repository);

        var manifest = await Dotnet(repository, "new", "tool-manifest");
        Assert.True(manifest.Status == 0, manifest.Output + manifest.Error);
        var install = await Dotnet(repository, "tool", "install", "IamLab.Cli", "--local", "--configfile", config, "--version", PackedTool.Version);
        Assert.True(install.Status == 0, install.Output + install.Error);
        // The .NET 10 SDK writes the manifest at the folder's root (earlier SDKs in .config/; both are read).
        var manifestFile = new[] { "dotnet-tools.json", Path.Combine(".config", "dotnet-tools.json") }.Select(f => Path.Combine(repository, f)).First(File.Exists);
        var tools = JsonDocument.Parse(File.ReadAllText(manifestFile)).RootElement.GetProperty("tools");
        Assert.Equal(PackedTool.Version, tools.GetProperty("iamlab.cli").GetProperty("version").GetString());
        Assert.Equal("iamlab", tools.GetProperty("iamlab.cli").GetProperty("commands")[0].GetString());

        var wrong = await Dotnet(repository, "tool", "run", "iamlab", "--", "grade", LearnerFolders.Scenario, "--submission", "wrong", "--format", "json", "--hint-level", "1");
        var right = await Dotnet(repository, "iamlab", "grade", LearnerFolders.Scenario, "--submission", "right", "--format", "json", "--hint-level", "1");

        Assert.True(wrong.Status == 1, wrong.Output + wrong.Error);
        Assert.Contains(JsonDocument.Parse(wrong.Output).RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == LearnerFolders.CaughtBy() && c.GetProperty("status").GetString() == "fail");
        Assert.True(right.Status == 0, right.Output + right.Error);
        Assert.Equal(MaxScore, JsonDocument.Parse(right.Output).RootElement.GetProperty("score").GetInt32());
        Assert.True(File.Exists(Path.Combine(tool.Folder, "nuget-packages", "iamlab.cli", PackedTool.Version, $"iamlab.cli.{PackedTool.Version}.nupkg")),
            "the local tool was not restored into the test's own NuGet folder");
    }

    private Task<(int Status, string Output, string Error)> Grade(string folder, string submission) =>
        ProcessRun.Run(tool.Command, ["grade", LearnerFolders.Scenario, "--submission", submission, "--format", "json", "--hint-level", "1"], folder, tool.Environment());

    private Task<(int Status, string Output, string Error)> Dotnet(string folder, params string[] args) =>
        ProcessRun.Run("dotnet", args, folder, tool.Environment(), timeoutSeconds: 300);

    // Only the test's feed: nothing is fetched from the network, and no IamLab.Cli from another source could be installed.
    private string NuGetConfig(string folder)
    {
        var config = Path.Combine(folder, "nuget.config");
        File.WriteAllText(config, $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /><add key=\"lab\" value=\"{tool.Feed}\" /></packageSources></configuration>\n");
        return config;
    }
}
