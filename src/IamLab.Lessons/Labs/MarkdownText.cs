using System.Text;
using System.Text.RegularExpressions;

namespace IamLab.Lessons.Labs;

/// <summary>
/// A notebook's markdown as text for a terminal: headings underlined, emphasis and HTML tags dropped, links as
/// "text (address)", <c>&lt;details&gt;</c> summaries as a line of their own; code and tables kept as written.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>The text of <paramref name="markdown"/>.</summary>
    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = new StringBuilder();
        var inCode = false;
        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode)
            {
                text.Append("    ").Append(raw).Append('\n');
                continue;
            }

            var line = Inline(raw);
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var title = heading.Groups["title"].Value;
                var underline = heading.Groups["level"].Length == 1 ? '=' : '-';
                text.Append(title).Append('\n').Append(new string(underline, Math.Max(3, title.Length))).Append('\n');
                continue;
            }

            text.Append(line).Append('\n');
        }

        return Regex.Replace(text.ToString(), "\n{3,}", "\n\n").Trim('\n') + "\n";
    }

    private static string Inline(string line)
    {
        line = Summary().Replace(line, m => "▸ " + m.Groups["text"].Value);
        line = Tag().Replace(line, string.Empty);
        line = Link().Replace(line, m => $"{m.Groups["text"].Value} ({m.Groups["url"].Value})");
        line = Bold().Replace(line, m => m.Groups["text"].Value);
        return line.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<summary>(?<text>.*?)</summary>")]
    private static partial Regex Summary();

    [GeneratedRegex(@"</?(details|summary|br|b|i|em|strong|code|p|div|span)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*")]
    private static partial Regex Bold();
}
