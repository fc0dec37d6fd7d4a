using System.Text;

namespace IamLab.World.State;

/// <summary>
/// Shares the strings that many records repeat (account ids, role ARNs, session names) while a store is read, as
/// the running world shares them: a million sessions of one role then hold one copy of its ARN, not a million.
/// Lookups decode into a stack buffer and allocate only for a string not seen yet.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 1 << 16;
    private const int MaxPooledLength = 256;
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public StringPool()
    {
        lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxPooledLength];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        if (lookup.TryGetValue(chars[..count], out var known))
        {
            return known;
        }

        var made = new string(chars[..count]);
        if (strings.Count >= MaxEntries)
        {
            strings.Clear();
        }

        strings.Add(made);
        return made;
    }
}
