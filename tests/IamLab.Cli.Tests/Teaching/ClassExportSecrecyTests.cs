using System.Text.Json;
using System.Text.Json.Nodes;
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
        var secrets = SecretFiles().Select(f => (File: f, Text: Collapse(File.ReadAllText(f)))).Where(s => s.Text.Length >= 40).ToList();

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
        var secret = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scenario in ScenarioFolders())
        {
            var starter = Directory.GetFiles(Path.Combine(scenario, "starter")).SelectMany(f => Statements(File.ReadAllText(f))).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(scenario, "*.json", SearchOption.AllDirectories)
                         .Where(f => f.Contains($"{Path.DirectorySeparatorChar}solution{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     || f.Contains($"{Path.DirectorySeparatorChar}answers{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                foreach (var statement in Statements(File.ReadAllText(file)).Where(s => !starter.Contains(s)))
                {
                    secret.TryAdd(statement, Path.GetRelativePath(LabPaths.Root, file));
                }
            }
        }

        Assert.True(secret.Count > 100, $"only {secret.Count} answer statements found");
        var leaks = new List<string>();
        foreach (var file in ExportedTexts())
        {
            foreach (var candidate in JsonObjectsIn(file.Raw))
            {
                foreach (var statement in Statements(candidate))
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
        var names = Directory.EnumerateFiles(Path.Combine(LabPaths.Scenarios, "hidden-example"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^\s*- name:\s*(\S+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            .ToList();
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

        foreach (var scenario in ScenarioFolders().Select(Path.GetFileName))
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
        foreach (var scenario in ScenarioFolders())
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
        LabPaths.FilesUnder(FullExport.Value.Folder).Select(f => File.ReadAllText(f.Full) is var raw ? (f.Relative, raw, Collapse(raw)) : default).ToList();

    private static IEnumerable<string> ScenarioFolders() =>
        Directory.GetDirectories(LabPaths.Scenarios).Where(d => File.Exists(Path.Combine(d, "scenario.yaml"))).Order(StringComparer.Ordinal);

    private static IEnumerable<string> SecretFiles() =>
        ScenarioFolders().SelectMany(s => new[] { "solution", "answers" }.Select(p => Path.Combine(s, p)))
            .Append(Path.Combine(LabPaths.Scenarios, "hidden-example"))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories));

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    // Every JSON object that starts at a '{' of the text and parses (in any file: a notebook cell's policy is an escaped
    // string inside the notebook's JSON, so notebooks are searched in their cells' text as well).
    private static IEnumerable<string> JsonObjectsIn(string text)
    {
        var texts = new List<string> { text };
        try
        {
            if (JsonNode.Parse(text) is JsonObject { } notebook && notebook["cells"] is JsonArray cells)
            {
                texts.AddRange(cells.Select(c => c?["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)c?["source"] ?? string.Empty));
            }
        }
        catch (JsonException)
        {
        }

        foreach (var candidate in texts)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(candidate);
            for (var start = Array.IndexOf(bytes, (byte)'{'); start >= 0; start = Array.IndexOf(bytes, (byte)'{', start + 1))
            {
                var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                string? found = null;
                try
                {
                    if (JsonNode.Parse(ref reader) is JsonObject o && o.ContainsKey("Statement"))
                    {
                        found = o.ToJsonString();
                    }
                }
                catch (JsonException)
                {
                }

                if (found is not null)
                {
                    yield return found;
                }
            }
        }
    }

    private static List<string> Statements(string json)
    {
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return (node?["Statement"] switch
            {
                JsonArray many => many.OfType<JsonObject>(),
                JsonObject one => [one],
                _ => [],
            }).Select(Sorted).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return [];
        }
    }

    private static string Sorted(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Sorted(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Sorted)) + "]",
        _ => node?.ToJsonString() ?? "null",
    };
}
