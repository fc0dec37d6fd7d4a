using System.Text.RegularExpressions;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;
using IamLab.Policy.Validation;

namespace IamLab.Scenarios.Security;

/// <summary>
/// The grader's own security findings, those the policy validator cannot make: a cross-account trust without an
/// ExternalId (it needs the account of the role the file is the trust of, which only the scenario knows) and credentials
/// pasted into a file (the file's text, not its policy). Every other security finding is the validator's
/// (<see cref="PolicyValidator"/>), reported by the grader under the validator's code.
/// </summary>
public static partial class SecurityScanner
{
    /// <summary>
    /// Scans one file. <paramref name="roleAccount"/> is the account of the role whose trust policy the file is (null
    /// when it is not a trust policy of a known role).
    /// </summary>
    public static IReadOnlyList<SecurityFinding> Scan(string fileName, string text, PolicyDocument? policy, DocumentKind kind, string? roleAccount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<SecurityFinding>();
        ScanText(fileName, text, found);
        if (policy is null || kind != DocumentKind.Trust || roleAccount is null)
        {
            return found;
        }

        foreach (var statement in policy.Statements.Where(s => s.Effect == Effect.Allow))
        {
            CrossAccount(fileName, statement, roleAccount, found);
        }

        return found;
    }

    private static void CrossAccount(string fileName, Statement statement, string roleAccount, List<SecurityFinding> found)
    {
        if (statement.Principal is not { IsNot: false } principal || !AllowsAction(statement, "sts:AssumeRole") || HasKey(statement, "sts:ExternalId"))
        {
            return;
        }

        var other = principal.Values.Where(v => v.Type == PrincipalType.Aws).Select(v => AccountOf(v.Text)).FirstOrDefault(a => a is not null && a != roleAccount);
        if (other is not null)
        {
            found.Add(new(FindingCodes.CrossAccountNoExternalId,
                $"The trust lets account {other} assume a role in {roleAccount} without an sts:ExternalId condition; a third party acting for many customers could be tricked into using it (the confused deputy).",
                fileName, principal.Position.Line, principal.Position.Column));
        }
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

        return Arn.TryParse(principal) is { HasAccountId: true } arn ? arn.Account : null;
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
