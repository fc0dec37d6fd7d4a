using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;

namespace IamLab.Policy.Matching;

/// <summary>Decides whether a Principal or NotPrincipal element names a caller, and how.</summary>
public static class PrincipalMatcher
{
    /// <summary>How <paramref name="element"/> (a Principal element) names <paramref name="caller"/>.</summary>
    public static PrincipalGrant Match(PrincipalElement element, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(caller);
        if (element.IsWildcard)
        {
            return PrincipalGrant.Direct;
        }

        var best = PrincipalGrant.None;
        foreach (var value in element.Values)
        {
            var grant = MatchValue(value, caller);
            if (grant > best)
            {
                best = grant;
            }
        }

        return best;
    }

    /// <summary>
    /// True when a NotPrincipal element leaves the caller out. AWS excludes a caller only when every one
    /// of its identities is listed: a user needs its ARN and its account; a role session needs its session
    /// ARN, its role's ARN and its account.
    /// </summary>
    public static bool IsExcluded(PrincipalElement element, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(caller);
        if (element.IsWildcard)
        {
            return true;
        }

        bool Listed(Func<PrincipalValue, bool> test) => element.Values.Any(test);
        bool AccountListed() => caller.Account is not null && Listed(v => v.Type == PrincipalType.Aws && NamesAccount(v.Text) == caller.Account);
        return caller.Kind switch
        {
            PrincipalKind.Root => AccountListed(),
            PrincipalKind.User or PrincipalKind.FederatedUser => AccountListed() && Listed(v => v.Type == PrincipalType.Aws && v.Text == caller.Arn),
            PrincipalKind.AssumedRole => AccountListed() && Listed(v => v.Type == PrincipalType.Aws && v.Text == caller.Arn)
                && Listed(v => v.Type == PrincipalType.Aws && IsRoleOf(v.Text, caller)),
            PrincipalKind.Role => AccountListed() && Listed(v => v.Type == PrincipalType.Aws && IsRoleOf(v.Text, caller)),
            PrincipalKind.Anonymous => false,
            _ => element.Values.Any(v => MatchValue(v, caller) != PrincipalGrant.None),
        };
    }

    private static PrincipalGrant MatchValue(PrincipalValue value, Caller caller)
    {
        switch (value.Type)
        {
            case PrincipalType.Aws:
                if (value.Text == "*")
                {
                    return PrincipalGrant.Direct;
                }

                if (caller.Account is null || !caller.HasIdentity)
                {
                    return PrincipalGrant.None;
                }

                if (NamesAccount(value.Text) is { } account)
                {
                    return account == caller.Account ? (caller.Kind == PrincipalKind.Root ? PrincipalGrant.Direct : PrincipalGrant.Account) : PrincipalGrant.None;
                }

                if (value.Text == caller.Arn)
                {
                    return PrincipalGrant.Direct;
                }

                return caller.Kind == PrincipalKind.AssumedRole && IsRoleOf(value.Text, caller) ? PrincipalGrant.Role : PrincipalGrant.None;
            case PrincipalType.Service:
                return caller.Kind == PrincipalKind.Service && (value.Text == "*" || string.Equals(value.Text, caller.Text, StringComparison.OrdinalIgnoreCase))
                    ? PrincipalGrant.Direct : PrincipalGrant.None;
            case PrincipalType.Federated:
                return caller.Kind == PrincipalKind.Federated && value.Text == caller.Text ? PrincipalGrant.Direct : PrincipalGrant.None;
            default:
                return caller.Kind == PrincipalKind.CanonicalUser && value.Text == caller.Text ? PrincipalGrant.Direct : PrincipalGrant.None;
        }
    }

    /// <summary>The account an AWS principal value names by itself (an account id or a root ARN), or null.</summary>
    private static string? NamesAccount(string text)
    {
        if (PrincipalSyntax.IsAccountId(text))
        {
            return text;
        }

        return text.StartsWith("arn:", StringComparison.Ordinal) && text.EndsWith(":root", StringComparison.Ordinal) && text.Contains(":iam::", StringComparison.Ordinal)
            ? text.Split(':')[4]
            : null;
    }

    /// <summary>True when <paramref name="text"/> is the ARN of the caller's role (any path): same account, same role name.</summary>
    private static bool IsRoleOf(string text, Caller caller)
    {
        if (caller.Name is null || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text.Split(':', 6);
        if (parts.Length < 6 || parts[2] != "iam" || parts[4] != caller.Account || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            return false;
        }

        var name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        return name == caller.Name;
    }
}
