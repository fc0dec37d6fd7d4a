using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;

namespace IamLab.Policy.Validation;

/// <summary>
/// Checks a policy the way IAM Access Analyzer's policy validation does: the reader's errors, then what
/// the document's kind allows, its size, and the security and quality findings.
/// </summary>
public static class PolicyValidator
{
    private static readonly string[] TrustActions = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext"];

    /// <summary>Reads and validates a policy text.</summary>
    public static ReadResult Validate(string text, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = PolicyReader.Read(text);
        var diagnostics = new List<Diagnostic>();
        var size = CountWithoutWhiteSpace(text);
        if (size > kind.SizeLimit())
        {
            diagnostics.Add(Findings.PolicySize(kind.Describe(), size, kind.SizeLimit()));
        }

        diagnostics.AddRange(read.Diagnostics);
        if (read.Policy is not null)
        {
            diagnostics.AddRange(Check(read.Policy, kind));
        }

        return new ReadResult(read.Policy, Order(diagnostics));
    }

    /// <summary>The kind, security and quality findings for a policy already read (without the reader's own).</summary>
    public static IReadOnlyList<Diagnostic> Check(PolicyDocument policy, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var found = new List<Diagnostic>();
        if (policy.Version is null)
        {
            found.Add(Findings.MissingVersion(new SourcePosition(1, 1)));
        }

        var sids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in policy.Statements)
        {
            var path = policy.StatementIsArray ? $"$.Statement[{statement.Index}]" : "$.Statement";
            if (statement.Sid is { } sid)
            {
                if (sid.Length > 0 && !sids.Add(sid))
                {
                    found.Add(Findings.DuplicateSid(sid, $"{path}.Sid", statement.Position));
                }

                if (kind.TakesOnlyAlphanumericSids() && !sid.All(char.IsAsciiLetterOrDigit))
                {
                    found.Add(Findings.InvalidSid(sid, $"{path}.Sid", statement.Position));
                }
            }

            CheckElements(statement, kind, path, found);
            CheckSecurity(statement, kind, path, found);
            if (kind == DocumentKind.Trust)
            {
                GitHubOidcTrustRule.Check(statement, path, found);
                OidcTrustFindings.Check(statement, path, found);
            }

            CheckConditionKeys(statement, path, found);
        }

        return found;
    }

    private static void CheckElements(Statement statement, DocumentKind kind, string path, List<Diagnostic> found)
    {
        if (kind.NamesPrincipals())
        {
            if (statement.Principal is null)
            {
                found.Add(Findings.MissingPrincipal(kind.Describe(), path, statement.Position));
            }
        }
        else if (statement.Principal is not null)
        {
            found.Add(Findings.PrincipalNotAllowed(kind.Describe(), $"{path}.{(statement.Principal.IsNot ? "NotPrincipal" : "Principal")}", statement.Principal.Position));
        }

        if (kind == DocumentKind.Trust)
        {
            if (statement.Resource is not null)
            {
                found.Add(Findings.ResourceInTrust($"{path}.{(statement.Resource.IsNot ? "NotResource" : "Resource")}", statement.Resource.Position));
            }

            for (var i = 0; statement.Action is not null && i < statement.Action.Values.Count; i++)
            {
                var action = statement.Action.Values[i];
                if (!IsTrustAction(action.Text))
                {
                    found.Add(Findings.TrustAction(action.Text, $"{path}.{(statement.Action.IsNot ? "NotAction" : "Action")}[{i}]", action.Position));
                }
            }
        }
        else if (statement.Resource is null && kind is not DocumentKind.ServiceControl)
        {
            found.Add(Findings.MissingResource(path, statement.Position));
        }
    }

    private static bool IsTrustAction(string action) =>
        action == "*" || (action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase)
            && TrustActions.Any(a => Wildcard.IsMatch(action, a, ignoreCase: true)));

    private static void CheckSecurity(Statement statement, DocumentKind kind, string path, List<Diagnostic> found)
    {
        if (statement.Effect != Effect.Allow)
        {
            return;
        }

        if (statement.Principal is { IsNot: true })
        {
            found.Add(Findings.AllowWithNotPrincipal($"{path}.NotPrincipal", statement.Principal.Position));
        }

        if (statement.Action is { IsNot: true })
        {
            found.Add(Findings.AllowWithNot("Action", $"{path}.NotAction", statement.Action.Position));
        }

        if (statement.Resource is { IsNot: true })
        {
            found.Add(Findings.AllowWithNot("Resource", $"{path}.NotResource", statement.Resource.Position));
        }

        // An RCP's statements must name "*" (AWS), so only trusts and resource policies are checked.
        if (kind is DocumentKind.Trust or DocumentKind.Resource && statement.Conditions.Count == 0 && statement.Principal is { IsNot: false } principal
            && (principal.IsWildcard || principal.Values.Any(v => v.Text == "*")))
        {
            found.Add(kind == DocumentKind.Trust
                ? Findings.PublicTrust($"{path}.Principal", principal.Position)
                : Findings.PublicResourcePolicy($"{path}.Principal", principal.Position));
        }

        if (statement.Action is { IsNot: false } actions && statement.Resource is { IsNot: false } resources
            && actions.Values.Any(a => Wildcard.IsMatch(a.Text, "iam:PassRole", ignoreCase: true))
            && resources.Values.Any(r => r.Text == "*"))
        {
            found.Add(Findings.PassRoleWildcard($"{path}.Resource", resources.Position));
        }
    }

    private static void CheckConditionKeys(Statement statement, string path, List<Diagnostic> found)
    {
        foreach (var condition in statement.Conditions)
        {
            var keyPath = $"{path}.Condition.{condition.Operator.Name}.{condition.Key}";
            var (isGlobal, isKnown, documented, multi) = ConditionKeys.Lookup(condition.Key);
            if (isGlobal && !isKnown)
            {
                found.Add(Findings.UnknownGlobalKey(condition.Key, keyPath, condition.Position, Suggestions.Nearest(condition.Key, ConditionKeys.GlobalKeys)));
            }
            else if (documented is not null && documented != condition.Key)
            {
                found.Add(Findings.KeyCase(condition.Key, documented, keyPath, condition.Position));
            }

            if (isKnown && !multi)
            {
                if (condition.Operator.Qualifier == SetQualifier.ForAllValues)
                {
                    found.Add(Findings.ForAllValuesSingleValued(condition.Key, keyPath, condition.Position));
                }
                else if (condition.Operator.Qualifier == SetQualifier.ForAnyValue)
                {
                    found.Add(Findings.ForAnyValueSingleValued(condition.Key, keyPath, condition.Position));
                }
            }
        }
    }

    private static int CountWithoutWhiteSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    private static List<Diagnostic> Order(List<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ThenBy(d => d.Severity)];
}
