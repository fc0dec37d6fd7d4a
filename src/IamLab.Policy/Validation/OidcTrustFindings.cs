using IamLab.Policy.Diagnostics;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Validation;

/// <summary>
/// The security findings of an OIDC trust (web identity federation) that IAM saves but that admit more callers than meant:
/// no condition on the provider's <c>aud</c>, and for GitHub Actions a <c>sub</c> that admits more than one repository.
/// A GitHub trust IAM refuses outright (<see cref="GitHubOidcTrustRule"/>) gets that ERROR alone, not these as well.
/// </summary>
internal static class OidcTrustFindings
{
    private const string GitHubHost = "token.actions.githubusercontent.com";
    private const string ProviderMarker = ":oidc-provider/";

    public static void Check(Statement statement, string path, List<Diagnostic> found)
    {
        if (statement.Effect != Effect.Allow || statement.Principal is not { IsNot: false } principal
            || statement.Action is not { IsNot: false } actions
            || !actions.Values.Any(a => Wildcard.IsMatch(a.Text, "sts:AssumeRoleWithWebIdentity", ignoreCase: true)))
        {
            return;
        }

        foreach (var value in principal.Values.Where(v => v.Type == PrincipalType.Federated))
        {
            var marker = value.Text.IndexOf(ProviderMarker, StringComparison.Ordinal);
            var host = marker < 0 ? value.Text : value.Text[(marker + ProviderMarker.Length)..];
            if (host.Contains(":saml-provider/", StringComparison.Ordinal))
            {
                continue;
            }

            if (!HasKey(statement, host + ":aud"))
            {
                found.Add(Findings.OidcNoAudience(host, $"{path}.Principal", principal.Position));
            }

            if (host == GitHubHost && GitHubOidcTrustRule.IsScoped(statement, host))
            {
                GitHubSubject(statement, path, principal.Position, found);
            }
        }
    }

    private static void GitHubSubject(Statement statement, string path, Json.SourcePosition at, List<Diagnostic> found)
    {
        var key = GitHubHost + ":sub";
        var conditions = statement.Conditions.Where(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (conditions.Count == 0)
        {
            // Scoped by job_workflow_ref alone: the reusable workflow is pinned, the repository calling it is not.
            found.Add(Findings.OidcNoSubject(key, $"{path}.Principal", at));
            return;
        }

        foreach (var condition in conditions.Where(c => c.Operator.Kind is OperatorKind.StringLike && !c.Operator.IsNegated))
        {
            foreach (var value in condition.Values.Where(v => AdmitsAnyRepository(v.Text)))
            {
                found.Add(Findings.OidcSubjectAnyRepository(value.Text, $"{path}.Condition.{condition.Operator.Name}.{condition.Key}", value.Position));
            }
        }
    }

    // repo:OWNER/REPO:... names one repository; a wildcard or a missing slash in the OWNER/REPO part admits more than one.
    private static bool AdmitsAnyRepository(string subject)
    {
        if (!subject.StartsWith("repo:", StringComparison.Ordinal))
        {
            return subject.Contains('*', StringComparison.Ordinal) || subject.Contains('?', StringComparison.Ordinal);
        }

        var rest = subject[5..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var repository = colon < 0 ? rest : rest[..colon];
        return repository.Contains('*', StringComparison.Ordinal) || repository.Contains('?', StringComparison.Ordinal) || !repository.Contains('/', StringComparison.Ordinal);
    }

    private static bool HasKey(Statement statement, string key) =>
        statement.Conditions.Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase) && c.Operator.Kind != OperatorKind.Null);
}
