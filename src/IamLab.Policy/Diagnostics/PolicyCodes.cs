namespace IamLab.Policy.Diagnostics;

/// <summary>
/// Every code the policy engine reports: the reader and validator (<see cref="Findings"/>), the authorizer's evaluation
/// errors and the case reader. One code names one problem; docs/error-codes.md documents each with its message, and a
/// test keeps the two in step. Compare codes with these constants, never with message text.
/// </summary>
public static class PolicyCodes
{
    /// <summary>The text is not valid JSON (a policy or a case file).</summary>
    public const string JsonSyntax = "JSON_SYNTAX";

    /// <summary>An element, a case or a request member has the wrong JSON type.</summary>
    public const string WrongType = "WRONG_TYPE";

    /// <summary>A key that is not a policy element.</summary>
    public const string UnknownElement = "UNKNOWN_ELEMENT";

    /// <summary>An element appears twice in one object.</summary>
    public const string DuplicateElement = "DUPLICATE_ELEMENT";

    /// <summary>The policy has no Statement.</summary>
    public const string MissingStatement = "MISSING_STATEMENT";

    /// <summary>The policy has no Version.</summary>
    public const string MissingVersion = "MISSING_VERSION";

    /// <summary>Version is not a policy language version.</summary>
    public const string InvalidVersion = "INVALID_VERSION";

    /// <summary>A statement has no Effect.</summary>
    public const string MissingEffect = "MISSING_EFFECT";

    /// <summary>Effect is neither Allow nor Deny.</summary>
    public const string InvalidEffect = "INVALID_EFFECT";

    /// <summary>A statement has neither Action nor NotAction (at evaluation: a Deny without one is treated as matching).</summary>
    public const string MissingAction = "MISSING_ACTION";

    /// <summary>A statement has both X and NotX.</summary>
    public const string ConflictingElements = "CONFLICTING_ELEMENTS";

    /// <summary>An element is an empty array.</summary>
    public const string EmptyArray = "EMPTY_ARRAY";

    /// <summary>An element has an empty string.</summary>
    public const string EmptyValue = "EMPTY_VALUE";

    /// <summary>A value is listed twice in one element.</summary>
    public const string RedundantValue = "REDUNDANT_VALUE";

    /// <summary>An action is covered by a wildcard in the same statement.</summary>
    public const string RedundantAction = "REDUNDANT_ACTION";

    /// <summary>An action is not service:Action.</summary>
    public const string InvalidAction = "INVALID_ACTION";

    /// <summary>A principal type other than AWS, Service, Federated, CanonicalUser.</summary>
    public const string UnknownPrincipalType = "UNKNOWN_PRINCIPAL_TYPE";

    /// <summary>A principal value that is not a valid principal of its type.</summary>
    public const string InvalidPrincipal = "INVALID_PRINCIPAL";

    /// <summary>A condition operator that does not exist.</summary>
    public const string UnknownOperator = "UNKNOWN_OPERATOR";

    /// <summary>A value that must be an ARN is not one.</summary>
    public const string InvalidArn = "INVALID_ARN";

    /// <summary>An IP condition value is not an address or CIDR block.</summary>
    public const string InvalidIp = "INVALID_IP";

    /// <summary>A date condition value is not a date.</summary>
    public const string InvalidDate = "INVALID_DATE";

    /// <summary>A numeric condition value is not a number.</summary>
    public const string InvalidNumber = "INVALID_NUMBER";

    /// <summary>A Bool condition value is not true or false.</summary>
    public const string InvalidBool = "INVALID_BOOL";

    /// <summary>A BinaryEquals value is not base64.</summary>
    public const string InvalidBinary = "INVALID_BINARY";

    /// <summary>Two statements share a Sid.</summary>
    public const string DuplicateSid = "DUPLICATE_SID";

    /// <summary>A Sid with characters this kind of policy refuses.</summary>
    public const string InvalidSid = "INVALID_SID";

    /// <summary>The policy is over its kind's size quota.</summary>
    public const string PolicySizeExceeded = "POLICY_SIZE_EXCEEDED";

    /// <summary>A statement has neither Resource nor NotResource where the kind needs one (at evaluation: it cannot allow).</summary>
    public const string MissingResource = "MISSING_RESOURCE";

    /// <summary>A Principal in a kind of policy that cannot have one.</summary>
    public const string PrincipalNotAllowed = "PRINCIPAL_NOT_ALLOWED";

    /// <summary>A statement of a resource-based or trust policy without Principal (at evaluation: a Deny without one is treated as matching).</summary>
    public const string MissingPrincipal = "MISSING_PRINCIPAL";

    /// <summary>A Resource in a trust policy.</summary>
    public const string ResourceNotAllowed = "RESOURCE_NOT_ALLOWED";

    /// <summary>An action a trust policy cannot grant.</summary>
    public const string InvalidTrustAction = "INVALID_TRUST_ACTION";

    /// <summary>Allow with NotPrincipal (AWS supports NotPrincipal only with Deny).</summary>
    public const string AllowWithNotPrincipal = "ALLOW_WITH_NOT_PRINCIPAL";

    /// <summary>Allow with NotAction.</summary>
    public const string AllowWithNotAction = "ALLOW_WITH_NOT_ACTION";

    /// <summary>Allow with NotResource.</summary>
    public const string AllowWithNotResource = "ALLOW_WITH_NOT_RESOURCE";

    /// <summary>A trust policy that lets "*" assume the role with no condition.</summary>
    public const string PublicTrust = "PUBLIC_TRUST";

    /// <summary>A resource-based policy that lets "*" use a statement with no condition.</summary>
    public const string PublicResourcePolicy = "PUBLIC_RESOURCE_POLICY";

    /// <summary>An OIDC trust without a condition on the provider's aud.</summary>
    public const string OidcNoAudience = "SEC_OIDC_NO_AUD";

    /// <summary>A GitHub OIDC trust whose sub is missing (with a scoped job_workflow_ref) or admits more than one repository.</summary>
    public const string OidcSubjectAnyRepository = "SEC_OIDC_SUB_ANY_REPO";

    /// <summary>A trust for GitHub's OIDC provider without a scoped sub or job_workflow_ref, which IAM refuses to save.</summary>
    public const string GitHubOidcSubjectNotScoped = "GITHUB_OIDC_SUB_NOT_SCOPED";

    /// <summary>iam:PassRole on "*".</summary>
    public const string PassRoleWithStarInResource = "PASS_ROLE_WITH_STAR_IN_RESOURCE";

    /// <summary>ForAllValues with a single-valued key.</summary>
    public const string ForAllValuesWithSingleValuedKey = "FORALLVALUES_WITH_SINGLE_VALUED_KEY";

    /// <summary>ForAnyValue with a single-valued key.</summary>
    public const string ForAnyValueWithSingleValuedKey = "FORANYVALUE_WITH_SINGLE_VALUED_KEY";

    /// <summary>A condition key written in another case than AWS documents.</summary>
    public const string ConditionKeyCase = "CONDITION_KEY_CASE";

    /// <summary>An aws: key that is not a global condition key.</summary>
    public const string UnknownGlobalConditionKey = "UNKNOWN_GLOBAL_CONDITION_KEY";

    /// <summary>A policy variable with no value in the request and no default.</summary>
    public const string UnresolvedVariable = "UNRESOLVED_VARIABLE";

    /// <summary>A condition key compared with an operator of another type.</summary>
    public const string MismatchedType = "MISMATCHED_TYPE";

    /// <summary>A statement the reader found errors in: it never allows.</summary>
    public const string InvalidStatement = "INVALID_STATEMENT";

    /// <summary>A condition value that is not valid for its operator.</summary>
    public const string InvalidCondition = "INVALID_CONDITION";

    /// <summary>A key that is not part of the case format.</summary>
    public const string UnknownCaseKey = "UNKNOWN_CASE_KEY";

    /// <summary>A case's expected decision is not allowed, explicitDeny or implicitDeny.</summary>
    public const string InvalidExpected = "INVALID_EXPECTED";

    /// <summary>A case without a request.</summary>
    public const string MissingRequest = "MISSING_REQUEST";

    /// <summary>A case's resourceAccount disagrees with the account in the resource ARN (the ARN wins).</summary>
    public const string ResourceAccountMismatch = "RESOURCE_ACCOUNT_MISMATCH";

    /// <summary>A request without principal, action or resource.</summary>
    public const string MissingRequestKey = "MISSING_REQUEST_KEY";
}
