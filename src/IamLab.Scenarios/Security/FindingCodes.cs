using IamLab.Policy.Diagnostics;

namespace IamLab.Scenarios.Security;

/// <summary>
/// The security findings only the grader can make (they need the scenario's context or look at the file's text rather
/// than the policy), and <see cref="All"/>: every security finding code a scenario may name in <c>ignoreFindings</c> and
/// <c>noFindings</c>, the validator's included (docs/scenario-format.md, "Security findings").
/// </summary>
public static class FindingCodes
{
    /// <summary>A trust policy lets another account assume the role without an sts:ExternalId condition (needs the role's account).</summary>
    public const string CrossAccountNoExternalId = "SEC_CROSS_ACCOUNT_NO_EXTERNAL_ID";

    /// <summary>Text that looks like an access key id.</summary>
    public const string AccessKeyInFile = "SEC_ACCESS_KEY_IN_FILE";

    /// <summary>Text that looks like a secret access key.</summary>
    public const string SecretKeyInFile = "SEC_SECRET_KEY_IN_FILE";

    /// <summary>Every security finding code of a grade report: the scanner's above and the validator's SECURITY_WARNING codes.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CrossAccountNoExternalId, AccessKeyInFile, SecretKeyInFile,
        PolicyCodes.OidcNoAudience, PolicyCodes.OidcSubjectAnyRepository, PolicyCodes.PublicTrust, PolicyCodes.PublicResourcePolicy,
        PolicyCodes.AllowWithNotAction, PolicyCodes.AllowWithNotResource, PolicyCodes.PassRoleWithStarInResource,
        PolicyCodes.ForAllValuesWithSingleValuedKey,
    };
}
