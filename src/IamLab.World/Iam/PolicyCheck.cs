using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

/// <summary>Runs the engine's validator before a policy is stored, and turns an ERROR into MalformedPolicyDocument.</summary>
public static class PolicyCheck
{
    /// <summary>
    /// Validates <paramref name="json"/> as a policy of <paramref name="kind"/>. Text that is not JSON gives
    /// AWS's "Syntax errors in policy."; any other ERROR gives the first error's message. A policy over IAM's size
    /// quota gives LimitExceeded as IAM words it (<see cref="IamErrors.PolicyTooLarge"/>); <paramref name="entityName"/>
    /// names the role, user or group an inline policy goes onto.
    /// </summary>
    public static IamResult<PolicyText> Validate(string json, DocumentKind kind, string? entityName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Size(json) > kind.SizeLimit() && IamErrors.PolicyTooLarge(kind, entityName ?? string.Empty) is { } tooLarge)
        {
            return tooLarge;
        }

        var read = PolicyValidator.Validate(json, kind);
        if (read.Policy is null)
        {
            return IamErrors.Malformed("Syntax errors in policy.");
        }

        var error = read.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
        return error is null ? new PolicyText(json) : IamErrors.Malformed(AwsMessage(error));
    }

    // IAM's own MalformedPolicyDocument texts where they are known (seen in AWS responses quoted in public reports);
    // for every other finding the engine's message stands, which is the lab's wording.
    private static string AwsMessage(Diagnostic error) => error.Code switch
    {
        PolicyCodes.PrincipalNotAllowed => "Policy document should not specify a principal.",
        PolicyCodes.ResourceNotAllowed => "Has prohibited field Resource",
        PolicyCodes.GitHubOidcSubjectNotScoped => QuotedAwsText(error.Message),
        PolicyCodes.DuplicateSid => "Statement IDs (SID) in a single policy must be unique.",
        PolicyCodes.InvalidSid => "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*",
        PolicyCodes.MissingResource => "Policy statement must contain resources.",
        _ => error.Message,
    };

    // INVARIANT: GITHUB_OIDC_SUB_NOT_SCOPED's message quotes IAM's own text as (MalformedPolicyDocument: "TEXT"): ...
    // (Findings.GitHubOidcSubjectNotScoped, GitHubOidcTrustRule.AwsMessage).
    private static string QuotedAwsText(string message)
    {
        const string Opening = "MalformedPolicyDocument: \"";
        var start = message.IndexOf(Opening, StringComparison.Ordinal) + Opening.Length;
        var end = message.LastIndexOf("\"):", StringComparison.Ordinal);
        return end > start ? message[start..end] : message;
    }

    /// <summary>A policy's size as IAM counts it against its quotas: the characters that are not white space.</summary>
    public static int Size(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.Count(c => !char.IsWhiteSpace(c));
    }
}
