namespace IamLab.Lessons.Labs;

/// <summary>
/// One <c>#!lab-*</c> line of a lesson, split as .NET Interactive splits a magic command: the name, then words, where a
/// double-quoted word may hold spaces; <c>--name value</c> pairs, flags (<c>--name</c> followed by another option or
/// nothing), and words before any option (the implicit parameter).
/// </summary>
/// <param name="Name">The command, e.g. <c>#!lab-assume-role</c>.</param>
/// <param name="Implicit">The words before the first option, joined by a space; null when none.</param>
/// <param name="Options">The options by name (<c>--role</c>); a flag's value is the empty string.</param>
public sealed record CommandLine(string Name, string? Implicit, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Splits <paramref name="line"/>.</summary>
    public static CommandLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = Words(line.Trim());
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var implicitWords = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            var (word, quoted) = words[i];
            if (!quoted && word.StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < words.Count && (words[i + 1].Quoted || !words[i + 1].Text.StartsWith("--", StringComparison.Ordinal));
                options[word] = hasValue ? words[++i].Text : string.Empty;
            }
            else if (options.Count == 0)
            {
                implicitWords.Add(word);
            }
        }

        return new CommandLine(words.Count > 0 ? words[0].Text : string.Empty, implicitWords.Count > 0 ? string.Join(' ', implicitWords) : null, options);
    }

    /// <summary>The value of <paramref name="option"/>, or of the implicit parameter when it is the command's implicit one; null when absent.</summary>
    public string? Get(string option, bool isImplicit = false) =>
        Options.TryGetValue(option, out var value) ? value : isImplicit ? Implicit : null;

    /// <summary>True when the flag <paramref name="option"/> is given.</summary>
    public bool Has(string option) => Options.ContainsKey(option);

    private static List<(string Text, bool Quoted)> Words(string line)
    {
        var words = new List<(string, bool)>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            if (line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                end = end < 0 ? line.Length : end;
                words.Add((line[(i + 1)..end], true));
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            words.Add((line[start..i], false));
        }

        return words;
    }
}
