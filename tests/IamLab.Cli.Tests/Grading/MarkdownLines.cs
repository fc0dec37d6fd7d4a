namespace IamLab.Cli.Tests.Grading;

/// <summary>Lines of a Markdown report as a renderer treats them.</summary>
internal static class MarkdownLines
{
    /// <summary>The lines outside fenced code blocks: a fenced block shows as text, HTML included; outside, HTML would render.</summary>
    public static IEnumerable<string> OutsideCodeFences(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return line;
            }
        }
    }
}
