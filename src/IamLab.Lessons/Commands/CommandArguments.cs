using System.Globalization;
using IamLab.Lessons.Text;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.World;
using IamLab.World.Federation;
using IamLab.World.Sts;

namespace IamLab.Lessons.Commands;

/// <summary>
/// Checks and reads the arguments of the <c>#!lab-*</c> commands, for both front ends that run them: the notebook extension
/// (whose host splits the line and binds the parameters) and the labs apps (which split it with their own reader). Every
/// problem becomes a <see cref="LabCommandException"/> with a stable code and a clear message, the same in both.
/// </summary>
public static class CommandArguments
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

    /// <summary>The session tags of <c>--tags</c> (<c>KEY=VALUE,...</c>; a key given twice keeps its last value), or USAGE.</summary>
    public static List<Tag> Tags(string? text, string parameter) =>
        [.. Pairs(text, parameter).Select(p => new Tag(p.Key, p.Value[^1]))];

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

    /// <summary>An optional text value, trimmed; null when it is missing or blank.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A comma-separated list (empty entries dropped).</summary>
    public static List<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A session of <paramref name="world"/> by session name (the newest with that name) or access key id, or null.</summary>
    public static Session? FindSession(LabWorld? world, string nameOrKey)
    {
        ArgumentNullException.ThrowIfNull(nameOrKey);
        if (world is null)
        {
            return null;
        }

        return world.Sts.Sessions.TryGetValue(nameOrKey, out var byKey)
            ? byKey
            : world.Sts.Sessions.Values.Where(s => s.SessionName == nameOrKey).MaxBy(s => s.Start);
    }

    /// <summary>A session by name or access key id, or UNKNOWN_SESSION listing the sessions there are.</summary>
    public static Session Session(LabWorld? world, string nameOrKey)
    {
        return FindSession(world, nameOrKey) ?? throw UnknownSession(world, nameOrKey);
    }

    /// <summary>UNKNOWN_SESSION for <paramref name="nameOrKey"/>, naming the sessions there are.</summary>
    public static LabCommandException UnknownSession(LabWorld? world, string nameOrKey)
    {
        var known = world?.Sts.Sessions.Values.Select(s => s.SessionName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
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
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(principal);
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

    /// <summary><c>--expect</c> of <c>#!lab-simulate</c>: null, or one of the decisions (or denied), else USAGE.</summary>
    public static string? DecisionExpectation(string? expect) =>
        expect is not { Length: > 0 } || expect is "allowed" or "explicitDeny" or "implicitDeny" or "denied"
            ? expect
            : throw new LabCommandException(ErrorCodes.Usage, $"--expect must be allowed, explicitDeny, implicitDeny or denied, not \"{expect}\".");

    /// <summary>A SAML provider ARN (<c>--provider</c>), or USAGE.</summary>
    public static string SamlProviderArn(string? value, string command)
    {
        var provider = Required(value, "--provider", command);
        return provider.Contains(":saml-provider/", StringComparison.Ordinal)
            ? provider
            : throw new LabCommandException(ErrorCodes.Usage, $"--provider must be a SAML provider ARN such as arn:aws:iam::111111111111:saml-provider/NAME, not \"{provider}\".");
    }

    /// <summary>
    /// The GitHub Actions workflow run of <c>#!lab-github-oidc</c>: <c>--repo OWNER/REPO</c> and at most one of
    /// <c>--branch</c> (default main), <c>--environment</c> and <c>--pull-request</c>; else USAGE.
    /// </summary>
    public static GitHubWorkflowClaims GitHubWorkflow(string? repoText, string? branch, string? environment, string? pullRequest, string command)
    {
        var repo = Required(repoText, "--repo", command);
        if (repo.Count(c => c == '/') != 1 || repo.StartsWith('/') || repo.EndsWith('/'))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"--repo must be OWNER/REPO, not \"{repo}\".");
        }

        if (new[] { branch, environment, pullRequest }.Count(v => !string.IsNullOrWhiteSpace(v)) > 1)
        {
            throw new LabCommandException(ErrorCodes.Usage, "--branch, --environment and --pull-request exclude each other; give at most one.");
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return GitHubWorkflowClaims.ForEnvironment(repo, environment.Trim());
        }

        return WholeNumber(pullRequest, "--pull-request", "a pull request number", min: 1) is { } number
            ? GitHubWorkflowClaims.ForPullRequest(repo, number)
            : GitHubWorkflowClaims.ForBranch(repo, string.IsNullOrWhiteSpace(branch) ? "main" : branch.Trim());
    }

    /// <summary>
    /// The principals of <c>#!lab-matrix</c> (<c>--principals</c>): each a session's name or access key id (its ARN), an ARN,
    /// an account id or a service principal; else UNKNOWN_SESSION. None given: every user and role of the world; a world
    /// without any is USAGE.
    /// </summary>
    public static List<string> MatrixPrincipals(LabWorld world, string? text)
    {
        ArgumentNullException.ThrowIfNull(world);
        var principals = List(text)
            .Select(p => FindSession(world, p) is { } session ? session.Arn
                : p.StartsWith("arn:", StringComparison.Ordinal) || p.Contains('.', StringComparison.Ordinal) || world.Accounts.ContainsKey(p) ? p
                : Session(world, p).Arn)
            .ToList();
        if (principals.Count == 0)
        {
            principals = [.. world.Accounts.Values.SelectMany(a => a.Users.Values.Select(u => u.Arn).Concat(a.Roles.Values.Select(r => r.Arn)))];
        }

        return principals.Count > 0
            ? principals
            : throw new LabCommandException(ErrorCodes.Usage, "The world has no user or role; give --principals.");
    }

    /// <summary><c>--last</c> of <c>#!lab-events</c>: how many events at the most (every one when not given), else USAGE.</summary>
    public static int LastEvents(string? text) =>
        text is not { Length: > 0 } ? int.MaxValue
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last >= 1 ? last
        : throw new LabCommandException(ErrorCodes.Usage, $"--last takes a whole number of events, 1 or more; got '{text}'.");

    /// <summary>A duration such as 20m or 1h30m (<see cref="LabDuration"/>), or USAGE quoting the text.</summary>
    public static TimeSpan Duration(string? text, string parameter) =>
        LabDuration.TryParse(text, out var duration, out var problem)
            ? duration
            : throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{text}\" {problem}");

    /// <summary>A world time: an instant with its offset (2026-01-15T13:30:00Z), or a duration from <paramref name="now"/> (+20m); else USAGE.</summary>
    public static DateTimeOffset At(string text, DateTimeOffset now, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        if (trimmed.Length > 0 && char.IsDigit(trimmed[0]) && trimmed.Contains('-', StringComparison.Ordinal))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{text}\" is not an instant with its offset; write e.g. 2026-01-15T13:30:00Z, or a duration from now such as +20m.");
        }

        return Later(now, Duration(trimmed.TrimStart('+'), parameter), parameter);
    }

    /// <summary>
    /// <paramref name="now"/> moved on by <paramref name="by"/>; USAGE when that reaches the calendar's last year, which
    /// is kept for the sessions and waits that follow a time (<see cref="ScenarioClock.End"/>), as a scenario's waits are.
    /// </summary>
    public static DateTimeOffset Later(DateTimeOffset now, TimeSpan by, string parameter) =>
        by < ScenarioClock.End - now
            ? now + by
            : throw new LabCommandException(ErrorCodes.Usage,
                $"{parameter}: {LabDuration.Format(by)} from {Times.Iso(now)} reaches {ScenarioClock.EndText} or later; the world's clock stays before it ({ScenarioClock.Why}).");
}
