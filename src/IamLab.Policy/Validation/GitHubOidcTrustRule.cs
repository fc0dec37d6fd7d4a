using IamLab.Policy.Diagnostics;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Validation;

/// <summary>
/// IAM's guardrail for GitHub Actions trusts (since 2025): a trust that lets the OIDC provider
/// <c>token.actions.githubusercontent.com</c> (or a GitHub Enterprise issuer under it) call
/// <c>sts:AssumeRoleWithWebIdentity</c> must compare <c>…:sub</c> or <c>…:job_workflow_ref</c> with StringEquals,
/// StringLike or StringEqualsIgnoreCase against a value that is not <c>"*"</c>; CreateRole and UpdateAssumeRolePolicy
/// refuse any other such trust with MalformedPolicyDocument.
/// </summary>
public static class GitHubOidcTrustRule
{
    private const string GitHubHost = "token.actions.githubusercontent.com";
    private const string ProviderMarker = ":oidc-provider/";

    /// <summary>
    /// IAM's MalformedPolicyDocument text for such a trust. AWS's documentation does not print it; this is the text of real
    /// CreateRole responses (aws-cli 2.36, 2026-08-31, in the public probe transcripts of github.com/Dashtid/subvectors,
    /// observations/2026-08-31/create-role-no-condition.json), kept verbatim.
    /// </summary>
    public static string AwsMessage(string principal, string host) =>
        $"Trust policy with trusted principal {principal} must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, {host}:sub or {host}:job_workflow_ref which is not scoped to all.";

    /// <summary>Adds an ERROR for each GitHub provider the statement trusts without a scoped subject.</summary>
    internal static void Check(Statement statement, string path, List<Diagnostic> found)
    {
        if (statement.Effect != Effect.Allow || statement.Principal is not { IsNot: false } principal
            || statement.Action is not { IsNot: false } actions
            || !actions.Values.Any(a => Wildcard.IsMatch(a.Text, "sts:AssumeRoleWithWebIdentity", ignoreCase: true)))
        {
            return;
        }

        foreach (var value in principal.Values.Where(v => v.Type == PrincipalType.Federated))
        {
            var at = value.Text.IndexOf(ProviderMarker, StringComparison.Ordinal);
            var host = at < 0 ? null : value.Text[(at + ProviderMarker.Length)..];
            if (host is null || !(host == GitHubHost || host.StartsWith(GitHubHost + "/", StringComparison.Ordinal)) || IsScoped(statement, host))
            {
                continue;
            }

            found.Add(Findings.GitHubOidcSubjectNotScoped(AwsMessage(value.Text, host), host, $"{path}.Principal.Federated", value.Position));
        }
    }

    // INVARIANT: a condition counts only with one of the three operators AWS names, without a set qualifier or IfExists
    // (the lab's reading where AWS says no more), and only when its first value is not "*": AWS's check was seen to read the
    // first value alone (["repo:acme/x", "*"] saved, ["*", "repo:acme/x"] refused; same transcripts, 2026-08-31 and 09-01).
    internal static bool IsScoped(Statement statement, string host) =>
        statement.Conditions.Any(c =>
            c.Operator.Kind is OperatorKind.StringEquals or OperatorKind.StringLike or OperatorKind.StringEqualsIgnoreCase
            && c.Operator.Qualifier == SetQualifier.None && !c.Operator.IfExists
            && (string.Equals(c.Key, host + ":sub", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Key, host + ":job_workflow_ref", StringComparison.OrdinalIgnoreCase))
            && c.Values.Count > 0 && c.Values[0].Text != "*");
}
