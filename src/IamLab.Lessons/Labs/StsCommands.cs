using System.Globalization;
using IamLab.Lessons.Chains;
using IamLab.Lessons.Text;
using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Reports;
using IamLab.World;
using IamLab.World.Authorization;
using IamLab.World.Errors;
using IamLab.World.Federation;
using IamLab.World.Sts;

namespace IamLab.Lessons.Labs;

/// <summary>The STS calls of a lesson (<c>#!lab-assume-role</c>, <c>#!lab-saml</c>, <c>#!lab-github-oidc</c>) and its decisions (<c>#!lab-simulate</c>), as text.</summary>
internal static class StsCommands
{
    private static int sessionCounter;

    public static void Assume(LabApp app, CommandLine line, TextWriter output)
    {
        var world = LabCommands.RequireWorld(app);
        var role = Required(line.Get("--role", isImplicit: true), "--role");
        var duration = Number(line.Get("--duration"), "--duration");
        var (call, attempt, result) = line.Name switch
        {
            "#!lab-saml" => Saml(app, world, line, role, duration),
            "#!lab-github-oidc" => GitHub(app, world, line, role, duration),
            _ => AssumeRole(app, world, line, role, duration),
        };
        app.Chains.Record(attempt, result, world.Time.GetUtcNow());
        string? errorCode = null;
        if (result.IsSuccess)
        {
            var session = result.Value.Session;
            output.WriteLine($"  {call}: session {session.Arn}");
            output.WriteLine($"  issued {Times.Iso(session.Start)}, expires {Times.Iso(session.Expiration)} ({Times.Duration(session.Expiration - world.Time.GetUtcNow())} left); access key {session.AccessKeyId}");
            output.WriteLine("  chain: " + string.Join(" → ", world.Sts.Chain(session.AccessKeyId).Select(s => s.Arn)));
        }
        else
        {
            var error = result.Error!;
            errorCode = error.Code;
            output.WriteLine($"  {call} refused: {error.Code}: {SafeText.Terminal(error.Message)}");
            if (error.Check is { } check)
            {
                output.WriteLine(LabApp.Indent(LabApp.Terminal(Explanation.Render(check.Explanation, onlyFailures: true))));
            }
        }

        if (line.Get("--expect") is { Length: > 0 } expect)
        {
            var met = expect switch
            {
                "allowed" => errorCode is null,
                "denied" => errorCode == "AccessDenied",
                _ => expect == errorCode,
            };
            if (!met)
            {
                throw new LabStepException($"expected {expect}, but the outcome was {errorCode ?? "allowed"}.");
            }
        }
    }

    public static void Simulate(LabApp app, CommandLine line, TextWriter output)
    {
        var world = LabCommands.RequireWorld(app);
        var action = Required(line.Get("--action", isImplicit: true), "--action");
        var resource = Required(line.Get("--resource"), "--resource");
        var context = Context(line.Get("--context"));
        var check = line.Get("--session") is { Length: > 0 } name
            ? world.Authorize(Session(world, name).Credentials, action, resource, context, trace: true)
            : world.AuthorizeAs(Required(line.Get("--as"), "--as or --session"), action, resource, context, trace: true);
        var expect = line.Get("--expect");
        if (!check.IsSuccess)
        {
            output.WriteLine($"  {action} refused before any decision: {check.Error!.Code}: {SafeText.Terminal(check.Error.Message)}");
            if (expect is { Length: > 0 } && !(expect == "denied" && check.Error.Code == "ExpiredToken"))
            {
                throw new LabStepException($"expected {expect}, but the request was refused with {check.Error.Code}.");
            }

            return;
        }

        var decision = check.Value;
        output.WriteLine($"  {decision.DecisionName}: {decision.CallerArn} {action} {resource}");
        output.WriteLine(LabApp.Indent(LabApp.Terminal(Explanation.Render(decision.Explanation, onlyFailures: line.Has("--why")))));
        if (expect is { Length: > 0 } && !(expect == "denied" ? !decision.IsAllowed : expect == decision.DecisionName))
        {
            throw new LabStepException($"expected {expect}, but the decision was {decision.DecisionName}.");
        }
    }

    private static (string Call, ChainAttempt Attempt, IamResult<AssumeRoleResult> Result) AssumeRole(LabApp app, LabWorld world, CommandLine line, string role, int? duration)
    {
        var from = line.Get("--from");
        var asText = line.Get("--as");
        if ((from is null) == (asText is null))
        {
            throw new LabStepException("#!lab-assume-role needs one of --as and --from.");
        }

        var parent = from is null ? null : Session(world, from);
        var credentials = parent?.Credentials ?? CallerCredentials(world, asText!);
        string? sessionPolicy = null;
        if (line.Get("--session-policy") is { Length: > 0 } policyFile && !app.Files.TryGetValue(policyFile, out sessionPolicy)
            && !app.Files.TryGetValue(policyFile + ".json", out sessionPolicy))
        {
            throw new LabStepException($"--session-policy: the lesson has no file \"{policyFile}\".");
        }

        var callerContext = new RequestContext();
        if (line.Get("--source-ip") is { Length: > 0 } ip)
        {
            callerContext.Set("aws:SourceIp", ip);
        }

        if (line.Has("--mfa"))
        {
            callerContext.Set("aws:MultiFactorAuthPresent", "true");
        }

        var request = new AssumeRoleRequest(role, line.Get("--session-name") ?? NextSessionName())
        {
            DurationSeconds = duration,
            ExternalId = line.Get("--external-id"),
            Policy = sessionPolicy,
            Tags = [.. Pairs(line.Get("--tags")).Select(p => new IamLab.World.Tag(p.Key, p.Value[^1]))],
            TransitiveTagKeys = [.. (line.Get("--transitive-tag-keys") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            SourceIdentity = line.Get("--source-identity"),
        };
        var result = world.Sts.AssumeRole(credentials, request, callerContext, trace: true);
        var caller = parent?.Arn ?? (asText!.StartsWith("arn:", StringComparison.Ordinal) ? asText : $"arn:aws:iam::{asText}:root");
        return ("AssumeRole", new ChainAttempt("AssumeRole", parent?.AccessKeyId, caller, role, request.RoleSessionName, duration), result);
    }

    private static (string Call, ChainAttempt Attempt, IamResult<AssumeRoleResult> Result) Saml(LabApp app, LabWorld world, CommandLine line, string role, int? duration)
    {
        var provider = Required(line.Get("--provider"), "--provider");
        var user = Required(line.Get("--user"), "--user");
        var sessionName = line.Get("--session-name") ?? user;
        var tags = Pairs(line.Get("--attribute")).ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal);
        var response = app.Session?.SamlResponse(world, role, provider, user, sessionName, tags)
            ?? throw new LabStepException("the scenario declares no SAML identity provider.");
        var result = world.Sts.AssumeRoleWithSaml(role, provider, response, duration, trace: true);
        return ("AssumeRoleWithSAML", new ChainAttempt("AssumeRoleWithSAML", null, provider, role, sessionName, duration), result);
    }

    private static (string Call, ChainAttempt Attempt, IamResult<AssumeRoleResult> Result) GitHub(LabApp app, LabWorld world, CommandLine line, string role, int? duration)
    {
        var repo = Required(line.Get("--repo"), "--repo");
        var workflow = line.Get("--environment") is { Length: > 0 } environment ? GitHubWorkflowClaims.ForEnvironment(repo, environment)
            : Number(line.Get("--pull-request"), "--pull-request") is { } number ? GitHubWorkflowClaims.ForPullRequest(repo, number)
            : GitHubWorkflowClaims.ForBranch(repo, line.Get("--branch") ?? "main");
        var audience = line.Get("--audience") ?? OidcTokenOptions.StsAudience;
        var sessionName = line.Get("--session-name") ?? "gha-" + NextSessionName();
        var token = app.Session?.GitHubToken(world, repo, workflow.Ref, workflow.Environment, audience, workflow.EventName)
            ?? throw new LabStepException("the scenario declares no GitHub Actions OIDC provider.");
        var result = world.Sts.AssumeRoleWithWebIdentity(role, sessionName, token, duration, trace: true);
        return ($"AssumeRoleWithWebIdentity (sub {workflow.Subject}, aud {audience})",
            new ChainAttempt("AssumeRoleWithWebIdentity", null, workflow.Subject, role, sessionName, duration), result);
    }

    /// <summary>A session by session name (the newest) or access key id.</summary>
    internal static Session Session(LabWorld world, string nameOrKey) =>
        (world.Sts.Sessions.TryGetValue(nameOrKey, out var byKey) ? byKey : world.Sts.Sessions.Values.Where(s => s.SessionName == nameOrKey).MaxBy(s => s.Start))
        ?? throw new LabStepException($"no session \"{nameOrKey}\"; the sessions are: {string.Join(", ", world.Sts.Sessions.Values.Select(s => s.SessionName).Distinct().Order(StringComparer.Ordinal))}.");

    /// <summary>An IAM user's active access key (one is made if it has none), or an account root (its id or root ARN).</summary>
    private static Credentials CallerCredentials(LabWorld world, string principal)
    {
        var parts = principal.Split(':', 6);
        var accountId = parts.Length == 6 ? parts[4] : principal;
        if (world.Accounts.TryGetValue(accountId, out var account))
        {
            if (parts.Length == 1 || parts[5] == "root")
            {
                // The lab's convention (also LocalStack's): an access key id that is an account id is that account's root.
                return new Credentials(account.Id, "test");
            }

            if (account.Users.Values.FirstOrDefault(u => u.Arn == principal) is { } user)
            {
                if (user.AccessKeys.FirstOrDefault(k => k.IsActive) is { } key)
                {
                    return new Credentials(key.AccessKeyId, key.SecretAccessKey);
                }

                if (world.Iam(account.Id).CreateAccessKey(user.Name) is { IsSuccess: true } made)
                {
                    return made.Value;
                }
            }
        }

        throw new LabStepException($"\"{principal}\" is not a user or account root in this world.");
    }

    internal static RequestContext Context(string? text)
    {
        var context = new RequestContext();
        foreach (var (key, values) in Pairs(text))
        {
            context.Set(key, [.. values]);
        }

        return context;
    }

    private static Dictionary<string, List<string>> Pairs(string? text)
    {
        var pairs = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new LabStepException($"\"{item}\" is not KEY=VALUE.");
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

    private static string Required(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw new LabStepException($"{parameter} is required.") : value.Trim();

    private static int? Number(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new LabStepException($"{parameter} must be a whole number, not \"{value}\".");

    private static string NextSessionName() => $"notebook-{Interlocked.Increment(ref sessionCounter)}";
}
