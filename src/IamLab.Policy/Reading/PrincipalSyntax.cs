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
        if (!ValueSyntax.IsArnShaped(text, allowWildcards: false) || Arn.Parse(text) is not { HasAccountId: true, Region.Length: 0 } arn)
        {
            return false;
        }

        return (arn.Service, arn.Resource) switch
        {
            ("iam", "root") => true,
            ("iam", var r) when r.StartsWith("user/", StringComparison.Ordinal) || r.StartsWith("role/", StringComparison.Ordinal) => true,
            ("sts", var r) when r.StartsWith("assumed-role/", StringComparison.Ordinal) || r.StartsWith("federated-user/", StringComparison.Ordinal) => true,
            _ => false,
        };
    }

    private static bool IsProviderArn(string text)
    {
        return ValueSyntax.IsArnShaped(text, allowWildcards: false)
            && Arn.Parse(text) is { Service: "iam", HasAccountId: true } arn
            && (arn.Resource.StartsWith("saml-provider/", StringComparison.Ordinal) || arn.Resource.StartsWith("oidc-provider/", StringComparison.Ordinal));
    }
}
