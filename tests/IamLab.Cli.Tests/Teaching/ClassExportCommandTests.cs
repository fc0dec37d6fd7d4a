using System.Xml.Linq;
using Xunit;

namespace IamLab.Cli.Tests.Teaching;

/// <summary>
/// <c>iamlab class export</c> as a teacher runs it, and the exported repository as a learner and its workflow use it:
/// the workflow's script grades the learner's folders with the exported scenarios (no solution/ needed).
/// </summary>
public sealed class ClassExportCommandTests
{
    private const string External = "cross-account-external-id";

    [Fact]
    public async Task Export_WithoutFrom_ExportsTheRepositoryTheToolWasBuiltFrom_NotItsOutputFolder()
    {
        var export = LabPaths.NewFolderName();

        var (status, output, error) = await CliRunner.Run("class", "export", export, "--scenarios", "roles-vs-users");

        Assert.True(status == 0, error);
        Assert.StartsWith("Exported 1 scenarios (roles-vs-users)", output);
        Assert.True(File.Exists(Path.Combine(export, "src", "IamLab.Cli", "IamLab.Cli.csproj")), "the lab's sources were not exported");
        Assert.True(File.Exists(Path.Combine(export, "LEARNING.md")));
        Assert.False(File.Exists(Path.Combine(export, "iamlab.dll")));
        Assert.DoesNotContain("iamlab.dll", output);
    }

    [Fact]
    public async Task ExportedScript_GradesEachLearnerFolder_WithTheVisibleChecks_StartersScoreZero()
    {
        var export = LabPaths.NewFolderName();
        var (status, output, error) = await CliRunner.Run("class", "export", export, "--scenarios", $"{External},roles-vs-users", "--from", LabPaths.Root);
        Assert.True(status == 0, error);
        Assert.StartsWith($"Exported 2 scenarios (roles-vs-users, {External})", output);
        var summary = Path.Combine(export, "summary.md");

        var run = await RunScript(export, summary);

        Assert.True(run.Status == 1, run.Error + run.Output);
        foreach (var id in new[] { External, "roles-vs-users" })
        {
            var junit = XDocument.Load(Path.Combine(export, "results", $"{id}.xml"));
            var cases = junit.Descendants("testcase").ToList();
            Assert.NotEmpty(cases);
            Assert.Contains(cases, c => c.Element("failure") is not null);
            Assert.Contains($"{id}: 0/", run.Output);
        }

        var markdown = File.ReadAllText(summary);
        Assert.Contains(External, markdown);
        Assert.Contains("roles-vs-users", markdown);
    }

    [Fact]
    public async Task ExportedScript_PassesWhenTheLearnerAnswersRight_GradedByTheExportedScenarioWithoutItsSolution()
    {
        var export = LabPaths.NewFolderName();
        var (status, _, error) = await CliRunner.Run("class", "export", export, "--scenarios", External, "--from", LabPaths.Root);
        Assert.True(status == 0, error);
        Assert.False(Directory.Exists(Path.Combine(export, "scenarios", External, "solution")));
        foreach (var file in Directory.GetFiles(Path.Combine(LabPaths.Scenarios, External, "solution"), "*.json"))
        {
            File.Copy(file, Path.Combine(export, "work", External, Path.GetFileName(file)), overwrite: true);
        }

        var run = await RunScript(export, summary: null);

        Assert.True(run.Status == 0, run.Error + run.Output);
        var junit = XDocument.Load(Path.Combine(export, "results", $"{External}.xml"));
        Assert.DoesNotContain(junit.Descendants("testcase"), c => c.Element("failure") is not null);
    }

    [Fact]
    public async Task Export_IntoANonEmptyFolder_IsRefused_AndWritesNothing()
    {
        var target = LabPaths.Scratch();
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var (status, output, error) = await CliRunner.Run("class", "export", target, "--from", LabPaths.Root);

        Assert.Equal(2, status);
        Assert.Equal("", output);
        Assert.Equal($"iamlab class export: EXPORT_TARGET_NOT_EMPTY: {target} is not empty; give a new or empty folder (the export never overwrites).", error.Trim());
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_ThroughALink_IsRefused_AndWritesNothingWhereItPoints()
    {
        var real = LabPaths.Scratch();
        var link = LabPaths.NewFolderName();
        Directory.CreateSymbolicLink(link, real);

        var (status, _, error) = await CliRunner.Run("class", "export", link, "--from", LabPaths.Root);
        var below = await CliRunner.Run("class", "export", Path.Combine(link, "class"), "--from", LabPaths.Root);

        Assert.Equal(2, status);
        Assert.StartsWith($"iamlab class export: EXPORT_TARGET_LINK: {link} is a symbolic link", error);
        Assert.Equal(2, below.Status);
        Assert.Contains("EXPORT_TARGET_LINK", below.Error);
        Assert.Empty(Directory.GetFileSystemEntries(real));
    }

    [Fact]
    public async Task Export_OfAnUnknownScenario_IsRefused_WithTheKnownOnes()
    {
        var target = LabPaths.NewFolderName();

        var (status, _, error) = await CliRunner.Run("class", "export", target, "--scenarios", "cross-account", "--from", LabPaths.Root);

        Assert.Equal(2, status);
        Assert.StartsWith("iamlab class export: EXPORT_UNKNOWN_SCENARIO: There is no scenario \"cross-account\" in ", error);
        Assert.Contains(External, error);
        Assert.False(Path.Exists(target));
    }

    [Fact]
    public async Task Export_LeavesOutAFileThatCarriesASolution_AndALink_EvenWhereLearnersWouldGetIt()
    {
        // A teacher's copy of the lab where someone pasted the solution, reformatted, into a doc, and linked the solution in.
        var lab = LabPaths.Scratch();
        CopyTree(Path.Combine(LabPaths.Scenarios, External), Path.Combine(lab, "scenarios", External));
        Directory.CreateDirectory(Path.Combine(lab, "docs"));
        var trust = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(LabPaths.Scenarios, External, "solution", "trust-policy.json")))!;
        File.WriteAllText(Path.Combine(lab, "docs", "cheat-sheet.md"), $"# Handy\n\n```json\n{trust.ToJsonString()}\n```\n");
        File.WriteAllText(Path.Combine(lab, "docs", "honest.md"), "# Conditions\n\nStringEquals compares exactly.\n");
        File.CreateSymbolicLink(Path.Combine(lab, "docs", "answer.json"), Path.Combine(LabPaths.Scenarios, External, "solution", "trust-policy.json"));
        var target = LabPaths.NewFolderName();

        var (status, output, error) = await CliRunner.Run("class", "export", target, "--from", lab);

        Assert.True(status == 0, error);
        Assert.Contains($"  docs/cheat-sheet.md: it holds text or a policy statement of scenarios/{External}/solution/trust-policy.json", output);
        Assert.Contains("  docs/answer.json: a symbolic link (never followed)", output);
        Assert.True(File.Exists(Path.Combine(target, "docs", "honest.md")));
        Assert.False(Path.Exists(Path.Combine(target, "docs", "cheat-sheet.md")));
        Assert.False(Path.Exists(Path.Combine(target, "docs", "answer.json")));
    }

    private static async Task<(int Status, string Output, string Error)> RunScript(string export, string? summary)
    {
        // The tool as the learner's workflow runs it, on the exported scenarios (the tests' build ships the lab's own).
        var wrapper = Path.Combine(LabPaths.Scratch(), "iamlab");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{LabPaths.ToolDll}' \"$@\" --scenarios '{Path.Combine(export, "scenarios")}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string> { ["IAMLAB"] = wrapper, ["GITHUB_STEP_SUMMARY"] = summary ?? "" };
        return await ProcessRun.Run("bash", [".github/iamlab-check.sh"], export, environment);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
