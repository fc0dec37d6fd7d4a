using System.Text.RegularExpressions;

namespace IamLab.Scenarios.Checking;

/// <summary>
/// The task section of a scenario's README (from a heading that names the task, such as "## Your task", to the next
/// heading of the same or a higher level; the whole README when no heading names it), and whether a sentence is
/// quoted from it verbatim. Runs of white space count as one space, so a sentence may wrap across lines.
/// </summary>
public static partial class TaskSection
{
    /// <summary>The task section of <paramref name="readme"/>.</summary>
    public static string Of(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var levels = HeadingLevels(lines);
        var start = levels.Keys.Order().FirstOrDefault(i => lines[i].Contains("task", StringComparison.OrdinalIgnoreCase), -1);
        if (start < 0)
        {
            return readme;
        }

        var end = levels.Keys.Order().FirstOrDefault(i => i > start && levels[i] <= levels[start], lines.Length);
        return string.Join('\n', lines[start..end]);
    }

    // The line numbers of Markdown headings and their levels; '#' lines inside ``` fences are not headings.
    private static Dictionary<int, int> HeadingLevels(string[] lines)
    {
        var levels = new Dictionary<int, int>();
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading().Match(lines[i]) is { Success: true } match)
            {
                levels[i] = match.Groups[1].Value.Length;
            }
        }

        return levels;
    }

    /// <summary>True when <paramref name="sentence"/> appears in the task section of <paramref name="readme"/>.</summary>
    public static bool Quotes(string readme, string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var wanted = Normalize(sentence);
        return wanted.Length > 0 && Normalize(Of(readme)).Contains(wanted, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
