namespace IamLab.Scenarios.Checking;

/// <summary>
/// The <c>mistake.md</c> of a wrong answer: exactly two lines, the mistake in one sentence, then
/// <c>Caught by: CHECK</c> naming the visible check that must fail.
/// </summary>
/// <param name="Mistake">The first line.</param>
/// <param name="CaughtBy">The check named on the second line.</param>
public sealed record MistakeNote(string Mistake, string CaughtBy)
{
    /// <summary>The prefix of the second line.</summary>
    public const string CaughtByPrefix = "Caught by:";

    /// <summary>Reads a mistake.md text; null with <paramref name="problem"/> set when it is not two such lines.</summary>
    public static MistakeNote? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        if (lines.Length != 2 || lines[0].Trim().Length == 0)
        {
            problem = $"mistake.md must be exactly two lines (the mistake, then \"{CaughtByPrefix} CHECK\"); it has {lines.Length}.";
            return null;
        }

        if (!lines[1].StartsWith(CaughtByPrefix, StringComparison.Ordinal) || lines[1][CaughtByPrefix.Length..].Trim().Length == 0)
        {
            problem = $"the second line of mistake.md must be \"{CaughtByPrefix} CHECK\", not \"{lines[1]}\".";
            return null;
        }

        problem = null;
        return new MistakeNote(lines[0].Trim(), lines[1][CaughtByPrefix.Length..].Trim());
    }
}
