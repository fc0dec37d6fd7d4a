using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace IamLab.Endpoint.Tests.Files;

/// <summary>Reads the repository's own files (found by walking up to Lab.sln): YAML, JSONC and README sections.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static YamlMappingNode Yaml(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Read(relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    /// <summary>A devcontainer.json: JSON with comments and trailing commas (JSONC).</summary>
    public static JsonDocument Jsonc(string relativePath) =>
        JsonDocument.Parse(Read(relativePath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    /// <summary>The text of a Markdown section: from its heading to the next heading of the same or a higher level.</summary>
    public static string Section(string relativePath, string heading)
    {
        var lines = Read(relativePath).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart('#').Trim() == heading && l.StartsWith('#'));
        if (start < 0)
        {
            throw new InvalidOperationException($"{relativePath} has no section \"{heading}\".");
        }

        var level = lines[start].TakeWhile(c => c == '#').Count();
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith('#') && l.TakeWhile(c => c == '#').Count() <= level && !InCode(lines, start, l));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return current;
    }

    public static IReadOnlyList<string> Strings(this YamlNode node) =>
        [.. ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!)];

    private static bool InCode(string[] lines, int from, string line)
    {
        // A "#" line inside a fenced code block (a shell comment) is not a heading.
        var index = Array.IndexOf(lines, line, from);
        return lines[from..index].Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal)) % 2 == 1;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Lab.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Lab.sln not found above " + AppContext.BaseDirectory);
    }
}
