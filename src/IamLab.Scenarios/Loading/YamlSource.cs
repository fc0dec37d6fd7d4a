using IamLab.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>A YAML file being read: its path, its root node, and the problems found so far.</summary>
internal sealed class YamlSource
{
    private YamlSource(string path) => Path = path;

    public string Path { get; }

    public YamlNode? Root { get; private set; }

    public List<ScenarioProblem> Problems { get; } = [];

    /// <summary>Parses <paramref name="text"/>; a syntax error becomes a problem with its line and column.</summary>
    public static YamlSource Parse(string path, string text)
    {
        var source = new YamlSource(path);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            source.Root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            if (source.Root is null)
            {
                source.Problems.Add(new ScenarioProblem(ScenarioCodes.Empty, "The file is empty.", new SourceSpot(path, 1, 1)));
            }
            else if (stream.Documents.Count > 1)
            {
                // Only the first document is read: whatever follows a "---" would otherwise be dropped without a word.
                source.Report(ScenarioCodes.ExtraDocument,
                    $"The file holds {stream.Documents.Count} YAML documents (separated by \"---\"); only one is read, so write everything in one.",
                    stream.Documents[1].RootNode);
            }
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            source.Problems.Add(new ScenarioProblem(ScenarioCodes.YamlSyntax, $"The file is not valid YAML: {message}",
                new SourceSpot(path, (int)e.Start.Line, (int)e.Start.Column)));
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18 throws this instead of a YamlException for some unterminated constructs (an unclosed '[' at the end).
            source.Problems.Add(new ScenarioProblem(ScenarioCodes.YamlSyntax, $"The file is not valid YAML (an unclosed bracket or quote?): {e.Message}",
                new SourceSpot(path, 0, 0)));
        }

        return source;
    }

    public SourceSpot SpotOf(YamlNode node) => new(Path, (int)node.Start.Line, (int)node.Start.Column);

    public void Report(string code, string message, YamlNode node) => Problems.Add(new ScenarioProblem(code, message, SpotOf(node)));
}
