using IamLab.Policy.Reading;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// A principal string (an ARN, an account id, a service principal, a provider ARN or <c>anonymous</c>)
/// read once into the facts the authorizer needs: its kind, account and names.
/// </summary>
public sealed class Caller
{
    private Caller(string text, PrincipalKind kind, string? account, string? name, string? sessionName, string arn)
    {
        Text = text;
        Kind = kind;
        Account = account;
        Name = name;
        SessionName = sessionName;
        Arn = arn;
    }

    /// <summary>The principal as given.</summary>
    public string Text { get; }

    /// <summary>The kind of caller.</summary>
    public PrincipalKind Kind { get; }

    /// <summary>The caller's account, when it has one.</summary>
    public string? Account { get; }

    /// <summary>The user or role name (for a session, the role's name).</summary>
    public string? Name { get; }

    /// <summary>The session name of a role or federated-user session.</summary>
    public string? SessionName { get; }

    /// <summary>The caller's ARN as policies name it (a bare account id becomes its root ARN).</summary>
    public string Arn { get; }

    /// <summary>
    /// For a role session, the ARN of its role without a path (<c>arn:aws:iam::ACCOUNT:role/NAME</c>);
    /// this is what <c>aws:PrincipalArn</c> holds for a session.
    /// </summary>
    public string? RoleArn => Kind is PrincipalKind.AssumedRole or PrincipalKind.Role ? $"arn:{Partition}:iam::{Account}:role/{Name}" : null;

    /// <summary>The ARN partition, <c>aws</c> unless the principal says otherwise.</summary>
    public string Partition { get; private init; } = "aws";

    /// <summary>True for callers that have identity policies (users, roles and their sessions, federated users, roots).</summary>
    public bool HasIdentity => Kind is PrincipalKind.Root or PrincipalKind.User or PrincipalKind.Role or PrincipalKind.AssumedRole or PrincipalKind.FederatedUser;

    /// <summary>True for a service-linked role or its session: SCPs and RCPs do not restrict them.</summary>
    public bool IsServiceLinkedRole => Kind is PrincipalKind.AssumedRole or PrincipalKind.Role
        && Name is not null && Name.StartsWith("AWSServiceRoleFor", StringComparison.Ordinal);

    /// <summary>Reads a principal string. Anything unrecognised is kept as a canonical user id.</summary>
    public static Caller Parse(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Length == 0 || principal == "anonymous" || principal == "*")
        {
            return new Caller(principal, PrincipalKind.Anonymous, null, null, null, "anonymous");
        }

        if (PrincipalSyntax.IsAccountId(principal))
        {
            return new Caller(principal, PrincipalKind.Root, principal, null, null, $"arn:aws:iam::{principal}:root");
        }

        if (principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            return ParseArn(principal);
        }

        if (principal is "cognito-identity.amazonaws.com" or "www.amazon.com" or "graph.facebook.com" or "accounts.google.com")
        {
            return new Caller(principal, PrincipalKind.Federated, null, null, null, principal);
        }

        if (principal.Contains('.', StringComparison.Ordinal))
        {
            return new Caller(principal, PrincipalKind.Service, null, principal, null, principal);
        }

        return new Caller(principal, PrincipalKind.CanonicalUser, null, null, null, principal);
    }

    private static Caller ParseArn(string arn)
    {
        if (Model.Arn.TryParse(arn) is not { } parsed)
        {
            return new Caller(arn, PrincipalKind.CanonicalUser, null, null, null, arn);
        }

        var partition = parsed.Partition;
        var account = parsed.Account;
        var rest = parsed.ResourceId;
        var lastName = parsed.Name;
        return (parsed.Service, parsed.ResourceType) switch
        {
            ("iam", "root") => new Caller(arn, PrincipalKind.Root, account, null, null, arn) { Partition = partition },
            ("iam", "user") => new Caller(arn, PrincipalKind.User, account, lastName, null, arn) { Partition = partition },
            ("iam", "role") => new Caller(arn, PrincipalKind.Role, account, lastName, null, arn) { Partition = partition },
            ("iam", "saml-provider" or "oidc-provider") => new Caller(arn, PrincipalKind.Federated, account, rest, null, arn) { Partition = partition },
            ("sts", "assumed-role") => SessionOf(arn, account, rest, partition),
            ("sts", "federated-user") => new Caller(arn, PrincipalKind.FederatedUser, account, rest, rest, arn) { Partition = partition },
            _ => new Caller(arn, PrincipalKind.CanonicalUser, account, null, null, arn) { Partition = partition },
        };
    }

    private static Caller SessionOf(string arn, string account, string rest, string partition)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var role = slash < 0 ? rest : rest[..slash];
        var session = slash < 0 ? string.Empty : rest[(slash + 1)..];
        return new Caller(arn, PrincipalKind.AssumedRole, account, role, session, arn) { Partition = partition };
    }
}
