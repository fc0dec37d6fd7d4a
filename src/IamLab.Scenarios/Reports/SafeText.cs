using System.Globalization;
using System.Text;

namespace IamLab.Scenarios.Reports;

/// <summary>
/// Makes text a learner controls (file contents quoted in explanations, folder names, statement ids) safe for each
/// place a report goes. Each escape is visible rather than silent, so a teacher sees that something odd was there.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// For a terminal: every control character except tab (C0, DEL, C1; among them ESC, which starts terminal escape
    /// sequences) becomes <c>\u001b</c>-style text. Line breaks too: one report line stays one line.
    /// </summary>
    public static string Terminal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Replace(text, static c => c != '\t' && (char.IsControl(c) || c is '\u2028' or '\u2029' || IsBidiControl(c)));
    }

    /// <summary>For XML 1.0 text and attributes: characters XML cannot hold (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become <c>\uXXXX</c> text.</summary>
    public static string Xml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = IsXmlAt(text, i, out var width);
            i += width - 1;
        }

        if (clean)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsXmlAt(text, i, out var width))
            {
                result.Append(text, i, width);
                i += width - 1;
            }
            else
            {
                Escape(result, text[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// For inline Markdown (a table cell, a list item, a heading): the characters that open emphasis, code, links, images,
    /// HTML, entities, strikethrough or a table cell are backslash-escaped (CommonMark lets any ASCII punctuation be
    /// escaped), bare URLs are kept from becoming links, line breaks become spaces, and control characters become visible text.
    /// </summary>
    public static string MarkdownInline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var safe = Terminal(text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' '));
        var result = new StringBuilder(safe.Length + 8);
        foreach (var c in safe)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '~' or '!')
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        // GitHub turns bare "http://..." and "www...." into links; entities keep the text and drop the link.
        return result.Replace("://", ":&#47;&#47;").Replace("www.", "www&#46;").ToString();
    }

    /// <summary>
    /// One CSV field (RFC 4180 quoting), with a leading <c>'</c> where a spreadsheet would read the field as a formula
    /// (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return), as OWASP's CSV injection guidance advises.
    /// </summary>
    public static string CsvField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// For HTML text and quoted attribute values: what XML cannot hold becomes visible text (as <see cref="Xml"/>), other
    /// controls except tab and line feed become <c>\u001b</c>-style text, bidirectional controls too, and <c>&lt; &gt;
    /// &amp; " '</c> become entities; no learner text can open an element, an attribute or a script.
    /// </summary>
    public static string Html(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var visible = Replace(Xml(text), static c => c is not ('\t' or '\n') && (char.IsControl(c) || c is '\u2028' or '\u2029' || IsBidiControl(c)));
        return System.Net.WebUtility.HtmlEncode(visible);
    }

    private static string Replace(string text, Func<char, bool> unsafeChar)
    {
        var index = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (unsafeChar(text[i]))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16).Append(text, 0, index);
        for (var i = index; i < text.Length; i++)
        {
            if (unsafeChar(text[i]))
            {
                Escape(result, text[i]);
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    // Bidirectional overrides and isolates reorder what a terminal shows ("Trojan Source"); they are shown as text too.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';

    private static bool IsXmlAt(string text, int i, out int width)
    {
        width = 1;
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                return true;
            }

            return false;
        }

        return c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
    }

    private static void Escape(StringBuilder result, char c) =>
        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
