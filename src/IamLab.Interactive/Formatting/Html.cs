using System.Net;
using System.Text;

namespace IamLab.Interactive.Formatting;

/// <summary>Small helpers shared by the HTML formatters: encoding, colours and the lab's style sheet.</summary>
internal static class Html
{
    /// <summary>The colour of an allowed decision or a passed check.</summary>
    public const string Green = IamLab.Lessons.Charts.ChartColours.Green;

    /// <summary>The colour of a denied decision or a failed check.</summary>
    public const string Red = IamLab.Lessons.Charts.ChartColours.Red;

    /// <summary>The colour of warnings.</summary>
    public const string Amber = "#9a6700";

    /// <summary>HTML-encodes user-controlled text (policy text, ARNs, names, context values).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An ISO 8601 UTC time, seconds precision.</summary>
    public static string Time(DateTimeOffset time) => IamLab.Lessons.Text.Times.Iso(time);

    /// <summary>A duration in words: "1 h 0 min", "59 min 59 s", "12 s".</summary>
    public static string Duration(TimeSpan span) => IamLab.Lessons.Text.Times.Duration(span);

    /// <summary>Opens a lab output block with its style sheet.</summary>
    public static StringBuilder Begin(string cssClass)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"iamlab ").Append(cssClass).Append("\" style=\"font-family:system-ui,sans-serif;font-size:13px;line-height:1.45\">");
        return html;
    }

    /// <summary>A coloured badge, e.g. the decision.</summary>
    public static string Badge(string text, string colour) =>
        $"<span class=\"iamlab-badge\" style=\"display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;background:{colour};font-weight:600\">{Encode(text)}</span>";

    /// <summary>A check mark or cross in its colour.</summary>
    public static string Mark(bool passed) =>
        passed ? $"<span class=\"iamlab-pass\" style=\"color:{Green}\">✓</span>" : $"<span class=\"iamlab-fail\" style=\"color:{Red}\">✗</span>";
}
