using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>The principal values AWS accepts in each principal type.</summary>
public static class PrincipalSyntax
{
    /// <summary>True when <paramref name="text"/> is a principal AWS accepts under <paramref name="type"/>.</summary>
    public static bool IsValid(PrincipalType type, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return type switch
        {
            PrincipalType.Aws => text == "*" || IsAccountId(text) || IsAwsPrincipalArn(text),
            PrincipalType.Service => text == "*" || (text.Contains('.', StringComparison.Ordinal) && text.IndexOfAny(['*', '?', ' ', ':', '/']) < 0),
            PrincipalType.Federated => text.IndexOfAny(['*', '?', ' ']) < 0 && (IsProviderArn(text) || text.Contains('.', StringComparison.Ordinal)),
            _ => text.Length > 0 && text.IndexOfAny(['*', '?', ' ']) < 0,
        };
    }

    /// <summary>True for a 12-digit AWS account id.</summary>
    public static bool IsAccountId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 12 && text.All(char.IsAsciiDigit);
    }

    private static bool IsAwsPrincipalArn(string text)
    {
        if (!ValueSyntax.IsArnShaped(text, allowWildcards: false))
        {
            return false;
        }

        var parts = text.Split(':', 6);
        if (!IsAccountId(parts[4]) || parts[3].Length != 0)
        {
            return false;
        }

        return (parts[2], parts[5]) switch
        {
            ("iam", "root") => true,
            ("iam", var r) when r.StartsWith("user/", StringComparison.Ordinal) || r.StartsWith("role/", StringComparison.Ordinal) => true,
            ("sts", var r) when r.StartsWith("assumed-role/", StringComparison.Ordinal) || r.StartsWith("federated-user/", StringComparison.Ordinal) => true,
            _ => false,
        };
    }

    private static bool IsProviderArn(string text)
    {
        if (!ValueSyntax.IsArnShaped(text, allowWildcards: false))
        {
            return false;
        }

        var parts = text.Split(':', 6);
        return parts[2] == "iam" && IsAccountId(parts[4])
            && (parts[5].StartsWith("saml-provider/", StringComparison.Ordinal) || parts[5].StartsWith("oidc-provider/", StringComparison.Ordinal));
    }
}
