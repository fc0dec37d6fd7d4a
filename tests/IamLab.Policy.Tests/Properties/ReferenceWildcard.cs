namespace IamLab.Policy.Tests.Properties;

/// <summary>An obviously correct (and exponential) wildcard matcher, used only to check the real one.</summary>
internal static class ReferenceWildcard
{
    public static bool IsMatch(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string p, int i, string t, int j)
    {
        if (i == p.Length)
        {
            return j == t.Length;
        }

        return p[i] switch
        {
            '*' => Match(p, i + 1, t, j) || (j < t.Length && Match(p, i, t, j + 1)),
            '?' => j < t.Length && Match(p, i + 1, t, j + 1),
            _ => j < t.Length && p[i] == t[j] && Match(p, i + 1, t, j + 1),
        };
    }
}
