using System.Net;
using System.Text;
using Plotly.NET;
using IamLab.Lessons.Charts;

namespace IamLab.Lessons.Labs;

/// <summary>
/// The HTML page a labs app writes: the lesson's headings and the charts its commands drew, in order, with plotly.js
/// inlined once (the page works offline, like the notebooks' charts, and is written by the same <see cref="ChartHtml"/>).
/// </summary>
internal sealed class LabPage(string lesson)
{
    private readonly StringBuilder body = new();

    public int Charts { get; private set; }

    /// <summary>The headings of a markdown step (the page's outline).</summary>
    public void Text(string markdown)
    {
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith('#')))
        {
            var level = Math.Clamp(line.TakeWhile(c => c == '#').Count(), 1, 4);
            body.Append("<h").Append(level).Append('>').Append(WebUtility.HtmlEncode(line.TrimStart('#').Trim())).Append("</h").Append(level).Append(">\n");
        }
    }

    /// <summary>A chart, under the command that drew it and its text.</summary>
    public void Chart(string command, GenericChart chart, string text)
    {
        body.Append("<p><code>").Append(WebUtility.HtmlEncode(command)).Append("</code></p>\n");
        body.Append(ChartHtml.Of(chart, includeScript: Charts == 0)).Append('\n');
        body.Append("<pre>").Append(WebUtility.HtmlEncode(text)).Append("</pre>\n");
        Charts++;
    }

    /// <summary>Writes the page to <paramref name="path"/> (replacing, never writing through, whatever is there); returns a problem, or null.</summary>
    public string? Write(string path)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(lesson))
            .Append("</title><style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em}pre{background:#f6f8fa;padding:.5em;overflow:auto}</style></head><body>\n")
            .Append("<p>IAM Roles Lab, lesson <b>").Append(WebUtility.HtmlEncode(lesson)).Append("</b>: ")
            .Append(Charts == 0 ? "this lesson draws no chart." : $"{Charts} chart(s).").Append("</p>\n")
            .Append(body).Append("</body></html>\n");
        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(temporary, html.ToString());
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return e.Message;
        }
    }
}
