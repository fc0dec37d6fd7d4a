namespace IamLab.Policy.Matching;

/// <summary>
/// Compares ARNs as AWS does: the partition, service, region and account segments each match on their
/// own (a wildcard cannot run across a colon there), and the resource part, which may itself hold
/// colons and slashes, matches as a whole. Comparison is case-sensitive. A pattern of <c>*</c> alone
/// matches any resource, and a pattern that is not ARN-shaped is matched as plain text.
/// </summary>
public static class ArnMatcher
{
    /// <summary>Matches an ARN (or resource name) against a pattern.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> arn)
    {
        if (pattern.Length == 1 && pattern[0] == '*')
        {
            return true;
        }

        if (!pattern.StartsWith("arn:", StringComparison.Ordinal))
        {
            return Wildcard.IsMatch(pattern, arn, ignoreCase: false);
        }

        for (var segment = 0; segment < 5; segment++)
        {
            var pc = pattern.IndexOf(':');
            var ac = arn.IndexOf(':');
            if (pc < 0)
            {
                // The pattern stops short of six segments: what is left of it may span the ARN's remaining colons.
                return Wildcard.IsMatch(pattern, arn, ignoreCase: false);
            }

            if (ac < 0)
            {
                return false;
            }

            if (!Wildcard.IsMatch(pattern[..pc], arn[..ac], ignoreCase: false))
            {
                return false;
            }

            pattern = pattern[(pc + 1)..];
            arn = arn[(ac + 1)..];
        }

        return Wildcard.IsMatch(pattern, arn, ignoreCase: false);
    }
}
