namespace IamLab.Policy.Validation;

/// <summary>The facts AWS documents for each <see cref="DocumentKind"/>: size limit, name, and which elements it takes.</summary>
public static class DocumentKinds
{
    /// <summary>The largest policy AWS accepts for the kind, in characters not counting white space.</summary>
    public static int SizeLimit(this DocumentKind kind) => kind switch
    {
        DocumentKind.Identity or DocumentKind.Boundary => 6_144,
        DocumentKind.InlineUser or DocumentKind.Trust or DocumentKind.Session => 2_048,
        DocumentKind.InlineRole => 10_240,
        DocumentKind.InlineGroup or DocumentKind.ServiceControl or DocumentKind.ResourceControl => 5_120,
        _ => 20_480,
    };

    /// <summary>The kind's name in messages.</summary>
    public static string Describe(this DocumentKind kind) => kind switch
    {
        DocumentKind.Identity => "managed policy",
        DocumentKind.InlineUser => "user's inline policy",
        DocumentKind.InlineRole => "role's inline policy",
        DocumentKind.InlineGroup => "group's inline policy",
        DocumentKind.Trust => "trust policy",
        DocumentKind.Resource => "resource-based policy",
        DocumentKind.ServiceControl => "service control policy",
        DocumentKind.ResourceControl => "resource control policy",
        DocumentKind.Session => "session policy",
        _ => "permissions boundary",
    };

    /// <summary>
    /// True for the kinds whose Sid may hold only ASCII letters and digits: every policy IAM stores (identity
    /// policies, boundaries and trust policies, IAM User Guide "IAM JSON policy elements: Sid": "The Sid element
    /// supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)"; IAM answers
    /// "Statement IDs (SID) must be alpha-numeric"), session policies, and service control policies (IAM Access
    /// Analyzer refuses other characters for SERVICE_CONTROL_POLICY). Services' resource-based policies accept more
    /// (S3's and KMS's documented examples have spaces), and the lab does not claim a rule for resource control policies.
    /// </summary>
    public static bool TakesOnlyAlphanumericSids(this DocumentKind kind) => kind is not (DocumentKind.Resource or DocumentKind.ResourceControl);

    /// <summary>True for the kinds that name principals (trust, resource-based and resource control policies).</summary>
    public static bool NamesPrincipals(this DocumentKind kind) => kind is DocumentKind.Trust or DocumentKind.Resource or DocumentKind.ResourceControl;

    /// <summary>Parses the command-line names: identity, inline-user, inline-role, inline-group, trust, resource, scp, rcp, session, boundary.</summary>
    public static bool TryParse(string? name, out DocumentKind kind)
    {
        DocumentKind? found = name switch
        {
            "identity" => DocumentKind.Identity,
            "inline-user" => DocumentKind.InlineUser,
            "inline-role" => DocumentKind.InlineRole,
            "inline-group" => DocumentKind.InlineGroup,
            "trust" => DocumentKind.Trust,
            "resource" => DocumentKind.Resource,
            "scp" => DocumentKind.ServiceControl,
            "rcp" => DocumentKind.ResourceControl,
            "session" => DocumentKind.Session,
            "boundary" => DocumentKind.Boundary,
            _ => null,
        };
        kind = found ?? DocumentKind.Identity;
        return found is not null;
    }

    /// <summary>The command-line names, for help and "did you mean".</summary>
    public static IReadOnlyList<string> Names { get; } = ["identity", "inline-user", "inline-role", "inline-group", "trust", "resource", "scp", "rcp", "session", "boundary"];
}
