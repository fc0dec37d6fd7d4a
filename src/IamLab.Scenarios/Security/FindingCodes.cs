namespace IamLab.Scenarios.Security;

/// <summary>The security finding codes the grader reports (docs/scenario-format.md, "Security findings").</summary>
public static class FindingCodes
{
    /// <summary>A trust policy lets another account assume the role without an sts:ExternalId condition.</summary>
    public const string CrossAccountNoExternalId = "SEC_CROSS_ACCOUNT_NO_EXTERNAL_ID";

    /// <summary>An OIDC trust without a condition on the provider's aud.</summary>
    public const string OidcNoAudience = "SEC_OIDC_NO_AUD";

    /// <summary>A GitHub OIDC trust whose sub is missing or admits any repository.</summary>
    public const string OidcSubjectAnyRepository = "SEC_OIDC_SUB_ANY_REPO";

    /// <summary>An Allow with Principal "*" and no Condition.</summary>
    public const string PrincipalStarNoCondition = "SEC_PRINCIPAL_STAR_NO_CONDITION";

    /// <summary>An Allow with NotAction.</summary>
    public const string AllowNotAction = "SEC_ALLOW_NOT_ACTION";

    /// <summary>An Allow with NotResource.</summary>
    public const string AllowNotResource = "SEC_ALLOW_NOT_RESOURCE";

    /// <summary>iam:PassRole allowed on every resource.</summary>
    public const string PassRoleStar = "SEC_PASSROLE_STAR";

    /// <summary>Text that looks like an access key id.</summary>
    public const string AccessKeyInFile = "SEC_ACCESS_KEY_IN_FILE";

    /// <summary>Text that looks like a secret access key.</summary>
    public const string SecretKeyInFile = "SEC_SECRET_KEY_IN_FILE";

    /// <summary>Every code.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CrossAccountNoExternalId, OidcNoAudience, OidcSubjectAnyRepository, PrincipalStarNoCondition, AllowNotAction,
        AllowNotResource, PassRoleStar, AccessKeyInFile, SecretKeyInFile,
    };
}
