using IamLab.Lessons.Chains;
using IamLab.Lessons.Commands;
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
        var role = CommandArguments.RoleArn(line.Get("--role", isImplicit: true), "--role", line.Name);
        var duration = CommandArguments.Seconds(line.Get("--duration"), "--duration");
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

        CommandArguments.ExpectOutcome(line.Get("--expect"), errorCode);
    }

    public static void Simulate(LabApp app, CommandLine line, TextWriter output)
    {
        var world = LabCommands.RequireWorld(app);
        var action = CommandArguments.Required(line.Get("--action", isImplicit: true), "--action", line.Name);
        var resource = CommandArguments.Required(line.Get("--resource"), "--resource", line.Name);
        CommandArguments.ExactlyOne(line.Get("--as"), "--as", line.Get("--session"), "--session", line.Name);
        var context = CommandArguments.Context(line.Get("--context"));
        var expect = CommandArguments.DecisionExpectation(line.Get("--expect"));
        var check = line.Get("--session") is { Length: > 0 } name
            ? world.Authorize(CommandArguments.Session(world, name.Trim()).Credentials, action, resource, context, trace: true)
            : world.AuthorizeAs(line.Get("--as")!.Trim(), action, resource, context, trace: true);
        if (!check.IsSuccess)
        {
            output.WriteLine($"  {action} refused before any decision: {check.Error!.Code}: {SafeText.Terminal(check.Error.Message)}");
            if (expect is { Length: > 0 } && !(expect == "denied" && check.Error.Code == "ExpiredToken"))
            {
                throw new LabCommandException(ErrorCodes.ExpectationFailed, $"expected {expect}, but the request was refused with {check.Error.Code}.");
            }

            return;
        }

        var decision = check.Value;
        output.WriteLine($"  {decision.DecisionName}: {decision.CallerArn} {action} {resource}");
        output.WriteLine(LabApp.Indent(LabApp.Terminal(Explanation.Render(decision.Explanation, onlyFailures: line.Has("--why")))));
        if (expect is { Length: > 0 } && !(expect == "denied" ? !decision.IsAllowed : expect == decision.DecisionName))
        {
            throw new LabCommandException(ErrorCodes.ExpectationFailed, $"expected {expect}, but the decision was {decision.DecisionName}.");
        }
    }

    private static (string Call, ChainAttempt Attempt, IamResult<AssumeRoleResult> Result) AssumeRole(LabApp app, LabWorld world, CommandLine line, string role, int? duration)
    {
        var from = line.Get("--from");
        var asText = line.Get("--as");
        CommandArguments.ExactlyOne(asText, "--as", from, "--from", line.Name);
        var parent = from is { Length: > 0 } ? CommandArguments.Session(world, from.Trim()) : null;
        var credentials = parent?.Credentials ?? CommandArguments.CallerCredentials(world, asText!.Trim());
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
            Tags = CommandArguments.Tags(line.Get("--tags"), "--tags"),
            TransitiveTagKeys = CommandArguments.List(line.Get("--transitive-tag-keys")),
            SourceIdentity = line.Get("--source-identity"),
        };
        var result = world.Sts.AssumeRole(credentials, request, callerContext, trace: true);
        var caller = parent?.Arn ?? (asText!.Trim() is var asArn && asArn.StartsWith("arn:", StringComparison.Ordinal) ? asArn : $"arn:aws:iam::{asArn}:root");
        return ("AssumeRole", new ChainAttempt("AssumeRole", parent?.AccessKeyId, caller, role, request.RoleSessionName, duration), result);
    }

    private static (string Call, ChainAttempt Attempt, IamResult<AssumeRoleResult> Result) Saml(LabApp app, LabWorld world, CommandLine line, string role, int? duration)
    {
        var provider = CommandArguments.SamlProviderArn(line.Get("--provider"), line.Name);
        var user = CommandArguments.Required(line.Get("--user"), "--user", line.Name);
        var sessionName = line.Get("--session-name") ?? user;
        var tags = CommandArguments.Pairs(line.Get("--attribute"), "--attribute").ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal);
        var transitive = CommandArguments.List(line.Get("--transitive-tag-keys"));
        var response = app.Session?.SamlResponse(world, role, provider, user, sessionName, tags, transitive, CommandArguments.Optional(line.Get("--source-identity")))
            ?? throw new LabCommandException(ErrorCodes.Usage, $"The scenario {app.Scenario?.Id} declares no SAML provider.");
        var result = world.Sts.AssumeRoleWithSaml(role, provider, response, duration, trace: true);
        return ("AssumeRoleWithSAML", new ChainAttempt("AssumeRoleWithSAML", null, provider, role, sessionName, duration), result);
    }

    private static (string Call, ChainAttempt Attempt, IamResult<AssumeRoleResult> Result) GitHub(LabApp app, LabWorld world, CommandLine line, string role, int? duration)
    {
        var workflow = CommandArguments.GitHubWorkflow(line.Get("--repo"), line.Get("--branch"), line.Get("--environment"), line.Get("--pull-request"), line.Name);
        var repo = line.Get("--repo")!.Trim();
        var audience = line.Get("--audience") ?? OidcTokenOptions.StsAudience;
        var sessionName = line.Get("--session-name") ?? "gha-" + NextSessionName();
        var token = app.Session?.GitHubToken(world, repo, workflow.Ref, workflow.Environment, audience, workflow.EventName)
            ?? throw new LabCommandException(ErrorCodes.Usage, $"The scenario {app.Scenario?.Id} declares no GitHub Actions OIDC provider.");
        var result = world.Sts.AssumeRoleWithWebIdentity(role, sessionName, token, duration, trace: true);
        return ($"AssumeRoleWithWebIdentity (sub {workflow.Subject}, aud {audience})",
            new ChainAttempt("AssumeRoleWithWebIdentity", null, workflow.Subject, role, sessionName, duration), result);
    }

    private static string NextSessionName() => $"notebook-{Interlocked.Increment(ref sessionCounter)}";
}
