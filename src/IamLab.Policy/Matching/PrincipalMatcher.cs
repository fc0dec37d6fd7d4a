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
        for (var v = 0; v < element.Values.Count; v++)
        {
            var grant = MatchValue(element.Values[v], caller);
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
        bool AccountListed() => caller.Account is not null && Listed(v => v.Type == PrincipalType.Aws && NamesAccount(v.Text, caller.Account));
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

                if (PrincipalSyntax.IsAccountId(value.Text) || value.Text.EndsWith(":root", StringComparison.Ordinal))
                {
                    return NamesAccount(value.Text, caller.Account) ? (caller.Kind == PrincipalKind.Root ? PrincipalGrant.Direct : PrincipalGrant.Account) : PrincipalGrant.None;
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

    /// <summary>True when <paramref name="text"/> is an account id or root ARN naming <paramref name="account"/> (no allocation).</summary>
    private static bool NamesAccount(string text, string account)
    {
        if (text.Length == 12)
        {
            return text == account;
        }

        // arn:PARTITION:iam::ACCOUNT:root
        var span = text.AsSpan();
        return span.StartsWith("arn:") && span.EndsWith(":root") && span.Length > 18
            && span[..^5].EndsWith(account) && span[..^(5 + account.Length)].EndsWith(":iam::");
    }

    /// <summary>True when <paramref name="text"/> is the ARN of the caller's role (any path): same account, same role name.</summary>
    private static bool IsRoleOf(string text, Caller caller)
    {
        if (caller.Name is null || caller.Account is null)
        {
            return false;
        }

        // arn:PARTITION:iam::ACCOUNT:role/PATH/NAME, compared without splitting.
        var span = text.AsSpan();
        var marker = span.IndexOf(":iam::");
        if (!span.StartsWith("arn:") || marker < 0)
        {
            return false;
        }

        var rest = span[(marker + 6)..];
        if (!rest.StartsWith(caller.Account) || rest.Length <= caller.Account.Length || rest[caller.Account.Length] != ':')
        {
            return false;
        }

        var resource = rest[(caller.Account.Length + 1)..];
        return resource.StartsWith("role/") && resource[(resource.LastIndexOf('/') + 1)..].SequenceEqual(caller.Name);
    }
}
