using IamLab.Policy.Json;

namespace IamLab.Policy.Diagnostics;

/// <summary>
/// The catalogue of every finding the reader and the validator make: each has a stable code and a
/// message that quotes the offending text. Tests assert these texts exactly, so change them with care.
/// </summary>
public static class Findings
{
#pragma warning disable CS1591 // The method names are the codes; each is documented by its message.
    public static Diagnostic JsonSyntax(string detail, SourcePosition at) =>
        new(PolicyCodes.JsonSyntax, Severity.Error, $"The policy is not valid JSON: {detail}", "$", at);

    public static Diagnostic NotAnObject(string what, string kindName, string path, SourcePosition at) =>
        new(PolicyCodes.WrongType, Severity.Error, $"{what} must be an object, not {kindName}.", path, at);

    public static Diagnostic WrongType(string element, string expected, string kindName, string path, SourcePosition at) =>
        new(PolicyCodes.WrongType, Severity.Error, $"\"{element}\" must be {expected}, not {kindName}.", path, at);

    public static Diagnostic UnknownElement(string name, string path, SourcePosition at, string? suggestion) =>
        new(PolicyCodes.UnknownElement, Severity.Error, $"\"{Quote(name)}\" is not a policy element.", path, at, suggestion);

    public static Diagnostic DuplicateElement(string name, string path, SourcePosition at) =>
        new(PolicyCodes.DuplicateElement, Severity.Error, $"\"{name}\" appears more than once; AWS keeps only one of them.", path, at);

    public static Diagnostic MissingStatement(SourcePosition at) =>
        new(PolicyCodes.MissingStatement, Severity.Error, "The policy has no \"Statement\" element.", "$", at);

    public static Diagnostic MissingVersion(SourcePosition at) =>
        new(PolicyCodes.MissingVersion, Severity.Warning, "The policy has no \"Version\"; AWS then reads it as 2008-10-17, where policy variables are plain text. Add \"Version\": \"2012-10-17\".", "$", at, "2012-10-17");

    public static Diagnostic InvalidVersion(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidVersion, Severity.Error, $"\"{Quote(value)}\" is not a policy language version; use \"2012-10-17\".", path, at, "2012-10-17");

    public static Diagnostic MissingEffect(string path, SourcePosition at) =>
        new(PolicyCodes.MissingEffect, Severity.Error, "The statement has no \"Effect\".", path, at);

    public static Diagnostic InvalidEffect(string value, string path, SourcePosition at, string? suggestion) =>
        new(PolicyCodes.InvalidEffect, Severity.Error, $"\"{Quote(value)}\" is not an effect; use \"Allow\" or \"Deny\".", path, at, suggestion);

    public static Diagnostic MissingAction(string path, SourcePosition at) =>
        new(PolicyCodes.MissingAction, Severity.Error, "The statement has neither \"Action\" nor \"NotAction\".", path, at);

    public static Diagnostic BothElements(string element, string path, SourcePosition at) =>
        new(PolicyCodes.ConflictingElements, Severity.Error, $"The statement has both \"{element}\" and \"Not{element}\"; use one of them.", path, at);

    public static Diagnostic EmptyArray(string element, Severity severity, string path, SourcePosition at) =>
        new(PolicyCodes.EmptyArray, severity, $"\"{element}\" is an empty array, so it matches nothing.", path, at);

    public static Diagnostic EmptyValue(string element, string path, SourcePosition at) =>
        new(PolicyCodes.EmptyValue, Severity.Error, $"\"{element}\" has an empty string value.", path, at);

    public static Diagnostic RedundantValue(string element, string value, string path, SourcePosition at) =>
        new(PolicyCodes.RedundantValue, Severity.Suggestion, $"\"{Quote(value)}\" is listed more than once in \"{element}\".", path, at);

    public static Diagnostic RedundantAction(string value, string coveredBy, string path, SourcePosition at) =>
        new(PolicyCodes.RedundantAction, Severity.Suggestion, $"\"{Quote(value)}\" is already covered by \"{Quote(coveredBy)}\" in the same statement.", path, at);

    public static Diagnostic InvalidAction(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidAction, Severity.Error, $"\"{Quote(value)}\" is not an action; write it as service:Action, for example \"s3:GetObject\".", path, at);

    public static Diagnostic UnknownPrincipalType(string name, string path, SourcePosition at, string? suggestion) =>
        new(PolicyCodes.UnknownPrincipalType, Severity.Error, $"\"{Quote(name)}\" is not a principal type; use \"AWS\", \"Service\", \"Federated\" or \"CanonicalUser\".", path, at, suggestion);

    public static Diagnostic InvalidPrincipal(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidPrincipal, Severity.Error, $"\"{Quote(value)}\" is not a valid AWS principal; use \"*\", a 12-digit account id, or the ARN of an account root, user, role or assumed-role session (no wildcards).", path, at);

    public static Diagnostic InvalidServicePrincipal(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidPrincipal, Severity.Error, $"\"{Quote(value)}\" is not a service principal; service principals look like \"ec2.amazonaws.com\".", path, at);

    public static Diagnostic UnknownOperator(string name, string path, SourcePosition at, string? suggestion) =>
        new(PolicyCodes.UnknownOperator, Severity.Error, $"\"{Quote(name)}\" is not a condition operator.", path, at, suggestion);

    public static Diagnostic InvalidArn(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidArn, Severity.Error, $"\"{Quote(value)}\" is not a valid ARN; ARNs look like arn:partition:service:region:account:resource.", path, at);

    public static Diagnostic InvalidIp(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidIp, Severity.Error, $"\"{Quote(value)}\" is not an IPv4 or IPv6 address or CIDR block.", path, at);

    public static Diagnostic InvalidDate(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidDate, Severity.Error, $"\"{Quote(value)}\" is not a date; use ISO 8601 (2026-01-01T00:00:00Z) or seconds since the epoch.", path, at);

    public static Diagnostic InvalidNumber(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidNumber, Severity.Error, $"\"{Quote(value)}\" is not a number.", path, at);

    public static Diagnostic InvalidBool(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidBool, Severity.Error, $"\"{Quote(value)}\" is not \"true\" or \"false\".", path, at);

    public static Diagnostic InvalidBinary(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidBinary, Severity.Error, $"\"{Quote(value)}\" is not base64.", path, at);

    public static Diagnostic DuplicateSid(string sid, string path, SourcePosition at) =>
        new(PolicyCodes.DuplicateSid, Severity.Error, $"The Sid \"{Quote(sid)}\" is used by more than one statement; statement ids must be unique.", path, at);

    public static Diagnostic InvalidSid(string sid, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidSid, Severity.Error, $"The Sid \"{Quote(sid)}\" may hold only letters and digits in this kind of policy.", path, at);

    public static Diagnostic PolicySize(string kindName, int length, int limit) =>
        new(PolicyCodes.PolicySizeExceeded, Severity.Error, $"The policy is {length:N0} characters (not counting white space); a {kindName} may have at most {limit:N0}.", "$", new SourcePosition(1, 1));

    public static Diagnostic MissingResource(string path, SourcePosition at) =>
        new(PolicyCodes.MissingResource, Severity.Error, "The statement has neither \"Resource\" nor \"NotResource\"; this kind of policy needs one.", path, at);

    public static Diagnostic PrincipalNotAllowed(string kindName, string path, SourcePosition at) =>
        new(PolicyCodes.PrincipalNotAllowed, Severity.Error, $"A {kindName} cannot have \"Principal\" or \"NotPrincipal\": it applies to whoever it is attached to.", path, at);

    public static Diagnostic MissingPrincipal(string kindName, string path, SourcePosition at) =>
        new(PolicyCodes.MissingPrincipal, Severity.Error, $"Every statement of a {kindName} needs a \"Principal\".", path, at);

    public static Diagnostic ResourceInTrust(string path, SourcePosition at) =>
        new(PolicyCodes.ResourceNotAllowed, Severity.Error, "A trust policy cannot have \"Resource\" or \"NotResource\": the resource is always the role itself.", path, at);

    public static Diagnostic TrustAction(string value, string path, SourcePosition at) =>
        new(PolicyCodes.InvalidTrustAction, Severity.Error, $"\"{Quote(value)}\" is not an action a trust policy can grant; use sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession or sts:SetSourceIdentity.", path, at);

    public static Diagnostic AllowWithNotPrincipal(string path, SourcePosition at) =>
        new(PolicyCodes.AllowWithNotPrincipal, Severity.Error, "\"NotPrincipal\" must be used with \"Effect\":\"Deny\"; AWS does not support it with \"Allow\" (it would grant to every principal except those listed, anonymous callers included).", path, at);

    public static Diagnostic AllowWithNot(string element, string path, SourcePosition at) =>
        new(element == "Action" ? PolicyCodes.AllowWithNotAction : PolicyCodes.AllowWithNotResource, Severity.SecurityWarning, $"\"Allow\" with \"Not{element}\" grants every {element.ToLowerInvariant()} except those listed, including ones added to AWS later; list the {element.ToLowerInvariant()}s to allow instead.", path, at);

    public static Diagnostic PublicTrust(string path, SourcePosition at) =>
        new(PolicyCodes.PublicTrust, Severity.SecurityWarning, "The trust policy lets any principal (\"*\") assume the role, with no condition to narrow it.", path, at);

    public static Diagnostic PublicResourcePolicy(string path, SourcePosition at) =>
        new(PolicyCodes.PublicResourcePolicy, Severity.SecurityWarning, "\"Principal\": \"*\" with no Condition lets anyone, in any AWS account or none, use this statement.", path, at);

    public static Diagnostic OidcNoAudience(string host, string path, SourcePosition at) =>
        new(PolicyCodes.OidcNoAudience, Severity.SecurityWarning, $"The trust for {Quote(host)} has no condition on \"{Quote(host)}:aud\": STS already refuses a token whose aud is not one of the provider's client IDs, but a token minted for any of those audiences (another application's) could assume the role; require the one this role is for.", path, at);

    public static Diagnostic OidcNoSubject(string key, string path, SourcePosition at) =>
        new(PolicyCodes.OidcSubjectAnyRepository, Severity.SecurityWarning, $"The trust has no condition on \"{key}\", so a workflow in any GitHub repository, anyone's, could assume the role.", path, at);

    public static Diagnostic OidcSubjectAnyRepository(string value, string path, SourcePosition at) =>
        new(PolicyCodes.OidcSubjectAnyRepository, Severity.SecurityWarning, $"\"{Quote(value)}\" admits workflows of more than one repository; name the owner and the repository exactly (repo:OWNER/REPO:...).", path, at);

    public static Diagnostic GitHubOidcSubjectNotScoped(string awsMessage, string host, string path, SourcePosition at) =>
        new(PolicyCodes.GitHubOidcSubjectNotScoped, Severity.Error, $"IAM refuses to save this trust (MalformedPolicyDocument: \"{awsMessage}\"): without it a workflow of any GitHub repository could assume the role; add a condition such as \"StringLike\": {{\"{host}:sub\": \"repo:OWNER/REPO:*\"}}.", path, at);

    public static Diagnostic PassRoleWildcard(string path, SourcePosition at) =>
        new(PolicyCodes.PassRoleWithStarInResource, Severity.SecurityWarning, "\"iam:PassRole\" on \"*\" lets the holder hand any role in the account to a service; name the roles it may pass.", path, at);

    public static Diagnostic ForAllValuesSingleValued(string key, string path, SourcePosition at) =>
        new(PolicyCodes.ForAllValuesWithSingleValuedKey, Severity.SecurityWarning, $"\"ForAllValues\" with the single-valued key \"{Quote(key)}\" is true when the key is absent, which can grant more than meant; drop the qualifier.", path, at);

    public static Diagnostic ForAnyValueSingleValued(string key, string path, SourcePosition at) =>
        new(PolicyCodes.ForAnyValueWithSingleValuedKey, Severity.Suggestion, $"\"ForAnyValue\" is for multivalued keys; \"{Quote(key)}\" has one value, so drop the qualifier.", path, at);

    public static Diagnostic KeyCase(string key, string documented, string path, SourcePosition at) =>
        new(PolicyCodes.ConditionKeyCase, Severity.Suggestion, $"\"{Quote(key)}\" works (keys ignore case) but AWS documents it as \"{documented}\".", path, at, documented);

    public static Diagnostic UnknownGlobalKey(string key, string path, SourcePosition at, string? suggestion) =>
        new(PolicyCodes.UnknownGlobalConditionKey, Severity.Warning, $"\"{Quote(key)}\" is not a global condition key, so it is never in a request.", path, at, suggestion);

    public static Diagnostic UnresolvedVariable(string key, string path, SourcePosition at) =>
        new(PolicyCodes.UnresolvedVariable, Severity.Error, $"The policy variable \"${{{Quote(key)}}}\" has no value in this request and no default, so the element does not match.", path, at);

    public static Diagnostic TypeMismatch(string key, string operatorName, string expected, string path, SourcePosition at) =>
        new(PolicyCodes.MismatchedType, Severity.Warning, $"\"{Quote(key)}\" holds {expected}, but \"{operatorName}\" compares another type.", path, at);
#pragma warning restore CS1591

    /// <summary>Shortens a quoted value so a 1 MB string does not flood a message.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
    }
}
