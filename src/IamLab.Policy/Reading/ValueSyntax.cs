using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>The shapes AWS accepts for actions, resource ARNs and principals.</summary>
public static class ValueSyntax
{
    /// <summary>True for <c>*</c> or <c>service:Action</c>, where both parts may hold wildcards.</summary>
    public static bool IsAction(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "*")
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || text.IndexOf(':', colon + 1) >= 0)
        {
            return false;
        }

        foreach (var c in text.AsSpan(0, colon))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '*' or '?'))
            {
                return false;
            }
        }

        foreach (var c in text.AsSpan(colon + 1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '*' or '?' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for <c>*</c>, an ARN with at least six colon-separated parts (wildcards and variables allowed), or a shorter ARN prefix ending in <c>*</c>.</summary>
    public static bool IsResource(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text == "*" || IsArnShaped(text, allowWildcards: true)
            || (text.StartsWith("arn:", StringComparison.Ordinal) && text.EndsWith('*') && text.Count(c => c == ':') >= 2);
    }

    /// <summary>True when the text has the shape arn:partition:service:region:account:resource.</summary>
    public static bool IsArnShaped(string text, bool allowWildcards)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Arn.TryParse(text, out _, out _) && (allowWildcards || text.IndexOfAny(['*', '?']) < 0);
    }
}
