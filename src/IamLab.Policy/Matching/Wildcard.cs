namespace IamLab.Policy.Matching;

/// <summary>
/// Matches text against IAM wildcard patterns: <c>*</c> is any run of characters (including none) and
/// <c>?</c> is any one character.
/// </summary>
/// <remarks>
/// The pattern is cut at its stars; the first piece must start the text, the last must end it, and the
/// pieces between are found leftmost, in order. Leftmost placement is always safe because a star can
/// absorb whatever a later placement would have skipped, so there is no backtracking: the cost is at most
/// the text's length times the longest piece, which keeps adversarial patterns such as <c>*a*a*a*b</c>
/// linear in the text.
/// Characters written through the escapes <c>${*}</c> and <c>${?}</c> reach the matcher as
/// <see cref="LiteralStar"/> and <see cref="LiteralQuestion"/> and match only themselves.
/// </remarks>
public static class Wildcard
{
    /// <summary>Stands in a pattern for a literal <c>*</c>.</summary>
    public const char LiteralStar = '\uE000';

    /// <summary>Stands in a pattern for a literal <c>?</c>.</summary>
    public const char LiteralQuestion = '\uE001';

    /// <summary>Stands in a pattern for a literal <c>$</c> (from <c>${$}</c>).</summary>
    public const char LiteralDollar = '\uE002';

    /// <summary>True when the pattern has a <c>*</c> or <c>?</c> wildcard.</summary>
    public static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny('*', '?') >= 0;

    /// <summary>Matches <paramref name="text"/> against <paramref name="pattern"/>.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return text.Length == pattern.Length && PieceMatchesAt(pattern, text, ignoreCase);
        }

        var head = pattern[..star];
        if (text.Length < head.Length || !PieceMatchesAt(head, text, ignoreCase))
        {
            return false;
        }

        var lastStar = pattern.LastIndexOf('*');
        var tail = pattern[(lastStar + 1)..];
        if (text.Length - head.Length < tail.Length || !PieceMatchesAt(tail, text[^tail.Length..], ignoreCase))
        {
            return false;
        }

        // The middle pieces must fit, in order, between the head and the tail.
        var middleText = text[head.Length..(text.Length - tail.Length)];
        var middle = star == lastStar ? [] : pattern[(star + 1)..lastStar];
        while (!middle.IsEmpty)
        {
            var next = middle.IndexOf('*');
            var piece = next < 0 ? middle : middle[..next];
            middle = next < 0 ? [] : middle[(next + 1)..];
            if (piece.IsEmpty)
            {
                continue;
            }

            var at = Find(piece, middleText, ignoreCase);
            if (at < 0)
            {
                return false;
            }

            middleText = middleText[(at + piece.Length)..];
        }

        return true;
    }

    private static int Find(ReadOnlySpan<char> piece, ReadOnlySpan<char> text, bool ignoreCase)
    {
        if (piece.IndexOfAny('?', LiteralStar, LiteralQuestion) < 0 && piece.IndexOf(LiteralDollar) < 0)
        {
            return text.IndexOf(piece, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        for (var i = 0; i + piece.Length <= text.Length; i++)
        {
            if (PieceMatchesAt(piece, text[i..], ignoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool PieceMatchesAt(ReadOnlySpan<char> piece, ReadOnlySpan<char> text, bool ignoreCase)
    {
        for (var i = 0; i < piece.Length; i++)
        {
            var p = piece[i];
            var t = text[i];
            switch (p)
            {
                case '?':
                    continue;
                case LiteralStar:
                    p = '*';
                    break;
                case LiteralQuestion:
                    p = '?';
                    break;
                case LiteralDollar:
                    p = '$';
                    break;
            }

            if (p != t && (!ignoreCase || char.ToLowerInvariant(p) != char.ToLowerInvariant(t)))
            {
                return false;
            }
        }

        return true;
    }
}
