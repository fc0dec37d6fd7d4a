using System.Text.Json;

namespace IamLab.Policy.Json;

/// <summary>
/// Turns the parser's account of a JSON syntax error into a sentence a learner can act on: the position suffix and
/// the advice meant for programmers ("Change the reader options.") are dropped, and the common mistakes are named.
/// </summary>
public static class JsonSyntaxText
{
    /// <summary>The plain description of <paramref name="error"/>, without its position.</summary>
    public static string Describe(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Describe(error.Message);
    }

    /// <summary>The plain description of a parser message, without its position.</summary>
    public static string Describe(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message;
        foreach (var marker in (ReadOnlySpan<string>)[" LineNumber:", " Path:"])
        {
            var cut = text.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0)
            {
                text = text[..cut];
            }
        }

        text = text.Trim();
        if (text.StartsWith("The JSON object contains a trailing comma", StringComparison.Ordinal))
        {
            return "A comma stands before the closing '}'; JSON allows no comma after the last member.";
        }

        if (text.StartsWith("The JSON array contains a trailing comma", StringComparison.Ordinal))
        {
            return "A comma stands before the closing ']'; JSON allows no comma after the last element.";
        }

        if (text.StartsWith("Expected depth to be zero at the end of the JSON payload", StringComparison.Ordinal))
        {
            return "The text ends before every '{' and '[' is closed.";
        }

        if (text.StartsWith("The maximum configured depth of", StringComparison.Ordinal))
        {
            return $"The JSON nests deeper than {SourceReader.MaxDepth} levels.";
        }

        return text.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
    }
}
