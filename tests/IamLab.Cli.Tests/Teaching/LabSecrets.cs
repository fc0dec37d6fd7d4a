using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IamLab.Cli.Tests.Teaching;

/// <summary>
/// What a learner must not be handed, read from the lab's own files (not from the export's or the package's guard): the
/// files under each scenario's solution/ and answers/ and the example hidden checks, the policy statements of a solution
/// or answer that the starter lacks, the hidden checks' names; and the helpers that find them in other texts.
/// </summary>
internal static class LabSecrets
{
    /// <summary>Every statement (keys sorted) of a solution or answer that the scenario's starter does not hold, with its file.</summary>
    public static Dictionary<string, string> SecretStatements()
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

        return secret;
    }

    /// <summary>The names of the example hidden checks.</summary>
    public static List<string> HiddenCheckNames() =>
        Directory.EnumerateFiles(Path.Combine(LabPaths.Scenarios, "hidden-example"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^\s*- name:\s*(\S+)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            .ToList();

    public static IEnumerable<string> ScenarioFolders() =>
        Directory.GetDirectories(LabPaths.Scenarios).Where(d => File.Exists(Path.Combine(d, "scenario.yaml"))).Order(StringComparer.Ordinal);

    public static IEnumerable<string> SecretFiles() =>
        ScenarioFolders().SelectMany(s => new[] { "solution", "answers" }.Select(p => Path.Combine(s, p)))
            .Append(Path.Combine(LabPaths.Scenarios, "hidden-example"))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories));

    public static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    // Every JSON object that starts at a '{' of the text and parses (in any file: a notebook cell's policy is an escaped
    // string inside the notebook's JSON, so notebooks are searched in their cells' text as well).
    public static IEnumerable<string> JsonObjectsIn(string text)
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

    public static List<string> Statements(string json)
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

    public static string Sorted(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Sorted(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Sorted)) + "]",
        _ => node?.ToJsonString() ?? "null",
    };
}
