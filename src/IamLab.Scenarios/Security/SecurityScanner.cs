using System.Text.RegularExpressions;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;
using IamLab.Policy.Validation;

namespace IamLab.Scenarios.Security;

/// <summary>
/// Looks for the mistakes that make a policy dangerous even when the scenario's checks pass: cross-account trust
/// without an ExternalId, OIDC trusts that do not pin the audience or the repository, open principals, Allow with
/// NotAction or NotResource, iam:PassRole on everything, and credentials pasted into a file.
/// </summary>
public static partial class SecurityScanner
{
    private const string GitHubHost = "token.actions.githubusercontent.com";

    /// <summary>
    /// Scans one file. <paramref name="roleAccount"/> is the account of the role whose trust policy the file is (null
    /// when it is not a trust policy of a known role).
    /// </summary>
    public static IReadOnlyList<SecurityFinding> Scan(string fileName, string text, PolicyDocument? policy, DocumentKind kind, string? roleAccount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<SecurityFinding>();
        ScanText(fileName, text, found);
        if (policy is null)
        {
            return found;
        }

        foreach (var statement in policy.Statements.Where(s => s.Effect == Effect.Allow))
        {
            if (statement.Action is { IsNot: true } notAction)
            {
                found.Add(new(FindingCodes.AllowNotAction, "An Allow with NotAction allows every action not listed, including ones AWS adds later; list the actions to allow instead.",
                    fileName, notAction.Position.Line, notAction.Position.Column));
            }

            if (statement.Resource is { IsNot: true } notResource)
            {
                found.Add(new(FindingCodes.AllowNotResource, "An Allow with NotResource allows every resource not listed; list the resources to allow instead.",
                    fileName, notResource.Position.Line, notResource.Position.Column));
            }

            if (statement.Principal is { IsNot: false } principal && statement.Conditions.Count == 0
                && (principal.IsWildcard || principal.Values.Any(v => v.Text == "*")))
            {
                found.Add(new(FindingCodes.PrincipalStarNoCondition, "\"Principal\": \"*\" with no Condition lets anyone, in any AWS account, use this statement.",
                    fileName, principal.Position.Line, principal.Position.Column));
            }

            if (AllowsAction(statement, "iam:PassRole") && statement.Resource is { IsNot: false } resource && resource.Values.Any(v => v.Text == "*"))
            {
                found.Add(new(FindingCodes.PassRoleStar, "iam:PassRole on \"Resource\": \"*\" lets the caller hand any role, an administrator's too, to a service; name the roles it may pass.",
                    fileName, resource.Position.Line, resource.Position.Column));
            }

            if (kind == DocumentKind.Trust)
            {
                TrustChecks(fileName, statement, roleAccount, found);
            }
        }

        return found;
    }

    private static void TrustChecks(string fileName, Statement statement, string? roleAccount, List<SecurityFinding> found)
    {
        if (statement.Principal is not { IsNot: false } principal)
        {
            return;
        }

        var at = principal.Position;
        if (roleAccount is not null && AllowsAction(statement, "sts:AssumeRole") && !HasKey(statement, "sts:ExternalId"))
        {
            var other = principal.Values.Where(v => v.Type == PrincipalType.Aws).Select(v => AccountOf(v.Text)).FirstOrDefault(a => a is not null && a != roleAccount);
            if (other is not null)
            {
                found.Add(new(FindingCodes.CrossAccountNoExternalId,
                    $"The trust lets account {other} assume a role in {roleAccount} without an sts:ExternalId condition; a third party acting for many customers could be tricked into using it (the confused deputy).",
                    fileName, at.Line, at.Column));
            }
        }

        if (!AllowsAction(statement, "sts:AssumeRoleWithWebIdentity"))
        {
            return;
        }

        foreach (var value in principal.Values.Where(v => v.Type == PrincipalType.Federated))
        {
            var host = value.Text.Contains(":oidc-provider/", StringComparison.Ordinal) ? value.Text[(value.Text.IndexOf(":oidc-provider/", StringComparison.Ordinal) + 15)..] : value.Text;
            if (host.Contains(":saml-provider/", StringComparison.Ordinal))
            {
                continue;
            }

            if (!HasKey(statement, host + ":aud"))
            {
                found.Add(new(FindingCodes.OidcNoAudience,
                    $"The trust for {host} has no condition on \"{host}:aud\": STS already refuses a token whose aud is not one of the provider's client IDs, but a token minted for any of those audiences (another application's) could assume the role; require the one this role is for.",
                    fileName, at.Line, at.Column));
            }

            if (host == GitHubHost)
            {
                GitHubSubject(fileName, statement, at, found);
            }
        }
    }

    private static void GitHubSubject(string fileName, Statement statement, IamLab.Policy.Json.SourcePosition at, List<SecurityFinding> found)
    {
        var key = GitHubHost + ":sub";
        var conditions = statement.Conditions.Where(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (conditions.Count == 0)
        {
            found.Add(new(FindingCodes.OidcSubjectAnyRepository,
                $"The trust has no condition on \"{key}\", so a workflow in any GitHub repository, anyone's, could assume the role.", fileName, at.Line, at.Column));
            return;
        }

        foreach (var condition in conditions.Where(c => c.Operator.Kind is OperatorKind.StringLike && !c.Operator.IsNegated))
        {
            foreach (var value in condition.Values.Where(v => AdmitsAnyRepository(v.Text)))
            {
                found.Add(new(FindingCodes.OidcSubjectAnyRepository,
                    $"\"{value.Text}\" admits workflows of more than one repository; name the owner and the repository exactly (repo:OWNER/REPO:...).",
                    fileName, value.Position.Line, value.Position.Column));
            }
        }
    }

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

    private static bool AllowsAction(Statement statement, string action) =>
        statement.Action is { IsNot: false } actions && actions.Values.Any(v => Wildcard.IsMatch(v.Text, action, ignoreCase: true));

    private static bool HasKey(Statement statement, string key) =>
        statement.Conditions.Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase) && c.Operator.Kind != OperatorKind.Null);

    private static string? AccountOf(string principal)
    {
        if (principal.Length == 12 && principal.All(char.IsAsciiDigit))
        {
            return principal;
        }

        var parts = principal.Split(':');
        return parts.Length >= 5 && parts[0] == "arn" && parts[4].Length == 12 ? parts[4] : null;
    }

    private static void ScanText(string fileName, string text, List<SecurityFinding> found)
    {
        foreach (Match match in AccessKeyId().Matches(text))
        {
            var (line, column) = LineOf(text, match.Index);
            found.Add(new(FindingCodes.AccessKeyInFile,
                $"\"{match.Value[..8]}…\" looks like an AWS access key id; never put credentials in a policy file or a repository (delete the key in IAM if it is real).",
                fileName, line, column));
        }

        foreach (Match match in SecretKey().Matches(text))
        {
            var value = match.Value;
            if (!value.Any(char.IsAsciiLetterUpper) || !value.Any(char.IsAsciiLetterLower) || !value.Any(char.IsAsciiDigit))
            {
                continue;
            }

            var (line, column) = LineOf(text, match.Index);
            found.Add(new(FindingCodes.SecretKeyInFile,
                $"\"{value[..4]}…\" (40 characters) looks like an AWS secret access key; never put credentials in a file that is shared (rotate the key if it is real).",
                fileName, line, column));
        }
    }

    private static (int Line, int Column) LineOf(string text, int index)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, index - start + 1);
    }

    [GeneratedRegex("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex SecretKey();
}
