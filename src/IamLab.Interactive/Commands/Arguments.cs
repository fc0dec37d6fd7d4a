using System.Globalization;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Interactive.Commands;

/// <summary>Checks and reads command arguments; every problem becomes a <see cref="LabCommandException"/> with a clear message.</summary>
internal static class Arguments
{
    /// <summary>The value, or USAGE naming the missing parameter.</summary>
    public static string Required(string? value, string parameter, string command) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new LabCommandException(ErrorCodes.Usage, $"{parameter} is required. Run {command} --help.")
            : value.Trim();

    /// <summary>Exactly one of two exclusive parameters.</summary>
    public static void ExactlyOne(string? first, string firstName, string? second, string secondName, string command)
    {
        var count = (string.IsNullOrWhiteSpace(first) ? 0 : 1) + (string.IsNullOrWhiteSpace(second) ? 0 : 1);
        if (count != 1)
        {
            throw new LabCommandException(ErrorCodes.Usage, count == 0
                ? $"one of {firstName} and {secondName} is required. Run {command} --help."
                : $"{firstName} and {secondName} exclude each other; give one of them.");
        }
    }

    /// <summary>A whole number of seconds (or null), or USAGE quoting the text.</summary>
    public static int? Seconds(string? value, string parameter) => WholeNumber(value, parameter, "a whole number of seconds");

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/> (null when the parameter is not given), or USAGE:
    /// "PARAMETER must be <paramref name="mustBe"/>, not "TEXT"."
    /// </summary>
    public static int? WholeNumber(string? value, string parameter, string mustBe, int min = 0, int max = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new LabCommandException(ErrorCodes.Usage, $"{parameter} must be {mustBe}, not \"{value}\".");
    }

    /// <summary>An IAM role ARN, or USAGE quoting the text.</summary>
    public static string RoleArn(string? value, string parameter, string command)
    {
        var arn = Required(value, parameter, command);
        if (Arn.TryParse(arn) is not { Service: "iam", HasAccountId: true } parsed || !parsed.Resource.StartsWith("role/", StringComparison.Ordinal))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"{parameter} must be an IAM role ARN such as arn:aws:iam::111111111111:role/NAME, not \"{arn}\".");
        }

        return arn;
    }

    /// <summary>
    /// Reads <c>KEY=VALUE[,KEY=VALUE...]</c>; a key given twice holds several values. Null or
    /// empty adds nothing.
    /// </summary>
    public static Dictionary<string, List<string>> Pairs(string? text, string parameter)
    {
        var pairs = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text))
        {
            return pairs;
        }

        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{item}\" is not KEY=VALUE; write {parameter} \"KEY=VALUE,KEY=VALUE\".");
            }

            var key = item[..equals].Trim();
            if (!pairs.TryGetValue(key, out var values))
            {
                pairs[key] = values = [];
            }

            values.Add(item[(equals + 1)..].Trim());
        }

        return pairs;
    }

    /// <summary>A request context from <c>--context</c> pairs.</summary>
    public static RequestContext Context(string? text, string parameter = "--context")
    {
        var context = new RequestContext();
        foreach (var (key, values) in Pairs(text, parameter))
        {
            context.Set(key, [.. values]);
        }

        return context;
    }

    /// <summary>A comma-separated list (empty entries dropped).</summary>
    public static List<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A session by name or access key id, or UNKNOWN_SESSION listing the sessions there are.</summary>
    public static Session Session(LabNotebook notebook, string nameOrKey)
    {
        return notebook.FindSession(nameOrKey) ?? throw UnknownSession(notebook, nameOrKey);
    }

    /// <summary>UNKNOWN_SESSION for <paramref name="nameOrKey"/>, naming the sessions there are.</summary>
    public static LabCommandException UnknownSession(LabNotebook notebook, string nameOrKey)
    {
        var known = notebook.World?.Sts.Sessions.Values.Select(s => s.SessionName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        return new LabCommandException(ErrorCodes.UnknownSession, known.Count == 0
            ? $"No session \"{nameOrKey}\": no session has been made yet (run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first)."
            : $"No session \"{nameOrKey}\"; the sessions are: {string.Join(", ", known)}.");
    }

    /// <summary>
    /// Credentials for calling as <paramref name="principal"/>: an IAM user's active access key (one is made if it has
    /// none), or an account's root (its id, or its root ARN). Anything else is UNKNOWN_PRINCIPAL.
    /// </summary>
    public static Credentials CallerCredentials(LabWorld world, string principal)
    {
        var arn = Arn.TryParse(principal);
        var accountId = arn?.Account ?? principal;
        if (world.Accounts.TryGetValue(accountId, out var account))
        {
            if (arn is not { } parsed || parsed.Resource == "root")
            {
                // The lab's convention (also LocalStack's): an access key id that is an account id is that account's root.
                return new Credentials(account.Id, "test");
            }

            if (parsed.Service == "iam" && parsed.Resource.StartsWith("user/", StringComparison.Ordinal))
            {
                var user = account.Users.Values.FirstOrDefault(u => u.Arn == principal);
                if (user is not null)
                {
                    var key = user.AccessKeys.FirstOrDefault(k => k.IsActive);
                    if (key is not null)
                    {
                        return new Credentials(key.AccessKeyId, key.SecretAccessKey);
                    }

                    var made = world.Iam(account.Id).CreateAccessKey(user.Name);
                    if (made.IsSuccess)
                    {
                        return made.Value;
                    }
                }
            }
        }

        throw new LabCommandException(ErrorCodes.UnknownPrincipal,
            $"\"{principal}\" is not a user or account root in this world; the users are: {string.Join(", ", world.Accounts.Values.SelectMany(a => a.Users.Values).Select(u => u.Arn))}.");
    }

    /// <summary>Checks an STS outcome against <c>--expect</c> (allowed, denied, or an AWS error code).</summary>
    public static void ExpectOutcome(string? expect, string? errorCode)
    {
        if (string.IsNullOrWhiteSpace(expect))
        {
            return;
        }

        var outcome = errorCode ?? "allowed";
        var met = expect switch
        {
            "allowed" => errorCode is null,
            "denied" => errorCode == "AccessDenied",
            _ => string.Equals(expect, errorCode, StringComparison.Ordinal),
        };
        if (!met)
        {
            throw new LabCommandException(ErrorCodes.ExpectationFailed, $"expected {expect}, but the outcome was {outcome}.");
        }
    }
}
