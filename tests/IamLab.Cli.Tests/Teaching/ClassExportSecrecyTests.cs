using System.Text.RegularExpressions;
using Xunit;

namespace IamLab.Cli.Tests.Teaching;

/// <summary>
/// A learner repository made by <c>iamlab class export</c> holds no answer: no text of any file under a scenario's
/// solution/ or answers/ or of the hidden checks, no policy statement of a solution or answer that the starter does
/// not already hold, no hidden check's name. Checked here against the lab's files, not against the export's own guard.
/// </summary>
public sealed class ClassExportSecrecyTests
{
    private static readonly Lazy<(string Folder, string Output)> FullExport = new(() =>
    {
        var target = LabPaths.NewFolderName();
        var (status, output, error) = CliRunner.Run("class", "export", target, "--from", LabPaths.Root).GetAwaiter().GetResult();
        Assert.True(status == 0, error);
        return (target, output);
    });

    [Fact]
    public void Export_HoldsNoTextOfAnySolutionAnswerOrHiddenCheckFile()
    {
        var exported = ExportedTexts();
        var secrets = LabSecrets.SecretFiles().Select(f => (File: f, Text: LabSecrets.Collapse(File.ReadAllText(f)))).Where(s => s.Text.Length >= 40).ToList();

        Assert.True(secrets.Count > 150, $"only {secrets.Count} answer files found under {LabPaths.Scenarios}");
        var leaks = from secret in secrets
                    from file in exported
                    where file.Text.Contains(secret.Text, StringComparison.Ordinal)
                    select $"{file.Path} holds {Path.GetRelativePath(LabPaths.Root, secret.File)}";
        Assert.Empty(leaks);
    }

    [Fact]
    public void Export_HoldsNoPolicyStatementOfASolutionOrAnswer_ThatTheStarterLacks()
    {
        var secret = LabSecrets.SecretStatements();
        Assert.True(secret.Count > 100, $"only {secret.Count} answer statements found");
        var leaks = new List<string>();
        foreach (var file in ExportedTexts())
        {
            foreach (var candidate in LabSecrets.JsonObjectsIn(file.Raw))
            {
                foreach (var statement in LabSecrets.Statements(candidate))
                {
                    if (secret.TryGetValue(statement, out var origin))
                    {
                        leaks.Add($"{file.Path} holds a statement of {origin}");
                    }
                }
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void Export_NamesNoHiddenCheck_AndHasNoAnswerFolder()
    {
        var names = LabSecrets.HiddenCheckNames();
        Assert.True(names.Count >= 12, $"only {names.Count} hidden checks found");
        var exported = ExportedTexts();

        Assert.Empty(from name in names from file in exported where file.Raw.Contains(name, StringComparison.Ordinal) select $"{file.Path} names {name}");
        Assert.DoesNotContain(LabPaths.FilesUnder(FullExport.Value.Folder).Select(f => f.Relative), p =>
            p.Contains("/solution/", StringComparison.Ordinal) || p.Contains("/answers/", StringComparison.Ordinal) || p.Contains("hidden-example", StringComparison.Ordinal)
            || p.StartsWith("tests/", StringComparison.Ordinal) || p.StartsWith("examples/", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_ListsWhatItLeftOut()
    {
        var output = FullExport.Value.Output;

        foreach (var scenario in LabSecrets.ScenarioFolders().Select(Path.GetFileName))
        {
            Assert.Contains($"  scenarios/{scenario}/solution/: the reference solution", output);
            Assert.Contains($"  scenarios/{scenario}/answers/: the corpus of right and wrong answers", output);
        }

        Assert.Contains("  scenarios/hidden-example/: not a scenario (hidden checks or other teacher material)", output);
        Assert.Contains("  tests/: for the lab's authors and teachers, not for learners", output);
        Assert.Contains("  notebooks/00-start-here.ipynb: it runs a scenario with its reference solution in place", output);
        Assert.False(File.Exists(Path.Combine(FullExport.Value.Folder, "notebooks", "00-start-here.ipynb")));
    }

    [Fact]
    public void Export_HasEveryScenarioStarterAsTheLearnersWork_AndALabSolutionOfTheSourcesOnly()
    {
        var folder = FullExport.Value.Folder;
        foreach (var scenario in LabSecrets.ScenarioFolders())
        {
            var id = Path.GetFileName(scenario);
            foreach (var starter in Directory.GetFiles(Path.Combine(scenario, "starter")))
            {
                Assert.Equal(File.ReadAllText(starter), File.ReadAllText(Path.Combine(folder, "work", id, Path.GetFileName(starter))));
            }

            Assert.True(File.Exists(Path.Combine(folder, "scenarios", id, "README.md")));
        }

        var solution = File.ReadAllText(Path.Combine(folder, "Lab.sln"));
        Assert.Contains(@"src\IamLab.Cli\IamLab.Cli.csproj", solution);
        Assert.Contains(@"src\IamLab.Interactive\IamLab.Interactive.csproj", solution);
        Assert.DoesNotContain("Tests", solution);
        Assert.DoesNotContain("bench", solution);
        // Every project GUID left in the configuration section belongs to a project that is still listed.
        var listed = Regex.Matches(solution, @"^Project\([^)]*\) = ""[^""]*"", ""[^""]*"", ""(\{[^}]+\})""", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var used = Regex.Matches(solution, @"^\s+(\{[0-9A-F-]+\})\.", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(listed, used);
        Assert.True(File.Exists(Path.Combine(folder, "LEARNING.md")));
        Assert.True(File.Exists(Path.Combine(folder, "notebooks", "05-cross-account-external-id.ipynb")));
    }

    private static List<(string Path, string Raw, string Text)> ExportedTexts() =>
        LabPaths.FilesUnder(FullExport.Value.Folder).Select(f => File.ReadAllText(f.Full) is var raw ? (f.Relative, raw, LabSecrets.Collapse(raw)) : default).ToList();
}
