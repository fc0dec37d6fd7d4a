using System.Text;

namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// The frame of every HTML report: one self-contained file (styles inline, pictures as inline SVG, no script, no font,
/// no image, no link to anything outside it), with a Content-Security-Policy that forbids scripts and every fetch, so
/// that even a mistake in escaping could not run a learner's script or reach the network.
/// </summary>
internal static class HtmlPage
{
    public const string Green = "#1a7f37";
    public const string Red = "#cf222e";
    public const string Amber = "#9a6700";
    public const string Grey = "#57606a";

    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:24px;max-width:1200px}
        h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
        table{border-collapse:collapse}th,td{text-align:left;padding:4px 8px;vertical-align:top;border-bottom:1px solid #eaeef2}
        code,pre{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}pre{white-space:pre-wrap;margin:4px 0;background:#f6f8fa;padding:6px}
        .badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600}
        .pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.other{color:#9a6700;font-weight:600}
        .muted{color:#57606a}svg{max-width:100%;height:auto}svg text{font-family:system-ui,sans-serif}
        """;

    /// <summary>A whole page: <paramref name="title"/> is plain text (escaped here), <paramref name="body"/> is HTML.</summary>
    public static string Document(string title, string body) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(SafeText.Html(title)).Append("</title>\n<style>").Append(Style).Append("</style></head>\n<body>\n")
            .Append(body)
            .Append("\n</body></html>\n")
            .ToString();

    /// <summary>Escaped text.</summary>
    public static string Text(string text) => SafeText.Html(text);

    /// <summary>The CSS class of a check status.</summary>
    public static string StatusClass(string status) => status switch
    {
        "pass" => "pass",
        "fail" or "error" => "fail",
        _ => "other",
    };
}
