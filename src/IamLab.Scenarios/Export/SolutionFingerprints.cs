using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IamLab.Scenarios.Export;

/// <summary>
/// What the answers look like, to recognise them in any other file of the lab: the whole text of every file under a
/// scenario's <c>solution/</c> and <c>answers/</c> and of every hidden-check file (whitespace collapsed), and every
/// policy statement of a solution or answer that the scenario's starter does not already hold (keys sorted, no
/// whitespace). The export leaves out any file that contains one, so that a README or notebook that someone later
/// gives a worked answer cannot carry it to the learners.
/// </summary>
public sealed partial class SolutionFingerprints
{
    // Shorter texts (an empty policy, a one-line note) would match ordinary prose and policies.
    private const int MinimumTextLength = 60;

    private readonly List<(string Text, string Origin)> _texts = [];
    private readonly Dictionary<string, string> _statements = new(StringComparer.Ordinal);

    /// <summary>Adds a scenario: its solution and answers against its starter.</summary>
    public void AddScenario(string scenarioFolder, string relativeFolder)
    {
        var starter = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files(Path.Combine(scenarioFolder, "starter")))
        {
            starter.UnionWith(StatementsOf(ReadText(file)));
        }

        foreach (var part in (string[])["solution", "answers"])
        {
            foreach (var file in Files(Path.Combine(scenarioFolder, part)))
            {
                var origin = $"{relativeFolder}/{Path.GetRelativePath(scenarioFolder, file).Replace('\\', '/')}";
                var text = ReadText(file);
                AddText(text, origin);
                foreach (var statement in StatementsOf(text).Where(s => !starter.Contains(s)))
                {
                    _statements.TryAdd(statement, origin);
                }
            }
        }
    }

    /// <summary>Adds every file under a folder of hidden checks.</summary>
    public void AddHidden(string folder, string relativeFolder)
    {
        foreach (var file in Files(folder))
        {
            AddText(ReadText(file), $"{relativeFolder}/{Path.GetRelativePath(folder, file).Replace('\\', '/')}");
        }
    }

    /// <summary>The answer file whose text or statement <paramref name="content"/> holds, or null.</summary>
    public string? FindIn(string path, ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null; // not text: no answer can be read from it
        }

        var collapsed = Collapse(text);
        foreach (var (answer, origin) in _texts)
        {
            if (collapsed.Contains(answer, StringComparison.Ordinal))
            {
                return origin;
            }
        }

        foreach (var document in JsonDocumentsIn(path, text))
        {
            foreach (var statement in StatementsOf(document))
            {
                if (_statements.TryGetValue(statement, out var origin))
                {
                    return origin;
                }
            }
        }

        return null;
    }

    private void AddText(string text, string origin)
    {
        var collapsed = Collapse(text);
        if (collapsed.Length >= MinimumTextLength)
        {
            _texts.Add((collapsed, origin));
        }
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];

    private static string ReadText(string file) => File.ReadAllText(file);

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    // A policy can sit anywhere in the lab's texts: a .json file, a code cell of a notebook (an escaped string inside
    // the notebook's JSON, so cells are searched as text too), any code block of Markdown. Every '{' that starts a JSON
    // object holding a Statement is a policy; only texts that mention "Statement" are searched.
    private static IEnumerable<string> JsonDocumentsIn(string path, string text)
    {
        if (!text.Contains("Statement", StringComparison.Ordinal))
        {
            yield break;
        }

        var texts = path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? [text, .. NotebookCells(text)] : new List<string> { text };
        foreach (var candidate in texts)
        {
            var bytes = Encoding.UTF8.GetBytes(candidate);
            for (var start = Array.IndexOf(bytes, (byte)'{'); start >= 0; start = Array.IndexOf(bytes, (byte)'{', start + 1))
            {
                if (PolicyAt(bytes, start) is { } policy)
                {
                    yield return policy;
                }
            }
        }
    }

    private static string? PolicyAt(byte[] bytes, int start)
    {
        var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            return JsonNode.Parse(ref reader) is JsonObject policy && policy.ContainsKey("Statement") ? policy.ToJsonString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> NotebookCells(string text)
    {
        var cells = new List<string>();
        try
        {
            if (JsonNode.Parse(text)?["cells"] is JsonArray array)
            {
                foreach (var cell in array)
                {
                    cells.Add(cell?["source"] switch
                    {
                        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
                        JsonValue one => one.GetValue<string>(),
                        _ => string.Empty,
                    });
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Not a notebook after all: its text is still searched as a whole.
        }

        return cells;
    }

    private static List<string> StatementsOf(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return [];
        }

        var statements = (root as JsonObject)?["Statement"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject one => [one],
            _ => [],
        };
        return statements.Select(Canonical).ToList();
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
