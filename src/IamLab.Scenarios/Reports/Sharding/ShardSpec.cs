using System.Globalization;
using System.Text;

namespace IamLab.Scenarios.Reports.Sharding;

/// <summary>
/// One share of a class, <c>i/n</c> (1 ≤ i ≤ n): the submissions whose name hashes to <c>i - 1</c> modulo <c>n</c>. The
/// hash (64-bit FNV-1a of the name's UTF-8 bytes) depends on the name alone, so a re-run grades the same share, a new
/// learner lands in one share without moving anyone else, and any job can tell which share a name belongs to.
/// </summary>
/// <param name="Index">The share, from 1.</param>
/// <param name="Count">How many shares there are.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The most shares a class is split into.</summary>
    public const int MaxCount = 1024;

    /// <summary>Reads <c>i/n</c>; null with <paramref name="error"/> set when the text is not one.</summary>
    public static ShardSpec? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index >= 1 && index <= count)
        {
            error = null;
            return new ShardSpec(index, count);
        }

        error = $"--shard must be i/n with 1 <= i <= n <= {MaxCount} (for example 2/4), not \"{text}\".";
        return null;
    }

    /// <summary>The share (from 1) that <paramref name="submission"/> belongs to among <paramref name="count"/>.</summary>
    public static int ShareOf(string submission, int count)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(submission))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (int)(hash % (ulong)count) + 1;
    }

    /// <summary>True when <paramref name="submission"/> is in this share.</summary>
    public bool Includes(string submission) => ShareOf(submission, Count) == Index;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
