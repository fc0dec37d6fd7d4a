using IamLab.World.Sts;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-assume-role</c>: AssumeRole as a user or from an earlier session, and show the session.</summary>
public sealed class AssumeRoleCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-assume-role", "AssumeRole as a user (or from a session: role chaining) and show the session.",
        "Calls STS AssumeRole in the notebook's world with every rule AWS applies (trust policy, the caller's policies, duration limits, the 1-hour cap on chained sessions). "
        + "Shows the masked credentials with their expiry, and the chain that led to the session; when AWS would refuse, its error and the engine's explanation.",
        [
            new("--role", "The role to assume (its ARN).", Implicit: true, Value: "ARN"),
            new("--as", "Call as this IAM user (ARN) or account root (account id).", Value: "USER_ARN"),
            new("--from", "Call with a session made earlier in the notebook (session name or access key id): role chaining.", Value: "SESSION"),
            new("--session-name", "RoleSessionName; default notebook-N.", Value: "NAME"),
            new("--external-id", "ExternalId.", Value: "ID"),
            new("--duration", "DurationSeconds.", Value: "SECONDS"),
            new("--source-ip", "The request's aws:SourceIp.", Value: "IP"),
            new("--mfa", "The caller signed in with MFA (aws:MultiFactorAuthPresent = true).", Flag: true),
            new("--tags", "Session tags: KEY=VALUE[,KEY=VALUE...] (needs sts:TagSession).", Value: "PAIRS"),
            new("--transitive-tag-keys", "The session tags kept through role chaining: KEY[,KEY...].", Value: "KEYS"),
            new("--source-identity", "SourceIdentity (needs sts:SetSourceIdentity; kept, unchanged, through role chaining).", Value: "NAME"),
            new("--session-policy", "An inline session policy: a file written by a #!lab-policy FILE --kind session cell.", Value: "FILE"),
            new("--expect", "allowed, denied, or an AWS error code (ValidationError, ...): the cell fails when the outcome differs.", Value: "OUTCOME"),
            LabDirective.AtParameter,
        ]);

    /// <summary><c>--role</c>.</summary>
    public string? Role { get; set; }

    /// <summary><c>--as</c>.</summary>
    public string? As { get; set; }

    /// <summary><c>--from</c>.</summary>
    public string? From { get; set; }

    /// <summary><c>--session-name</c>.</summary>
    public string? SessionName { get; set; }

    /// <summary><c>--external-id</c>.</summary>
    public string? ExternalId { get; set; }

    /// <summary><c>--duration</c>.</summary>
    public string? Duration { get; set; }

    /// <summary><c>--source-ip</c>.</summary>
    public string? SourceIp { get; set; }

    /// <summary><c>--mfa</c>.</summary>
    public bool Mfa { get; set; }

    /// <summary><c>--tags</c>.</summary>
    public string? Tags { get; set; }

    /// <summary><c>--transitive-tag-keys</c>.</summary>
    public string? TransitiveTagKeys { get; set; }

    /// <summary><c>--source-identity</c>.</summary>
    public string? SourceIdentity { get; set; }

    /// <summary><c>--session-policy</c>.</summary>
    public string? SessionPolicy { get; set; }

    /// <summary><c>--expect</c>.</summary>
    public string? Expect { get; set; }

    internal static Task Run(AssumeRoleCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var name = Directive.Name;
        var roleArn = CommandArguments.RoleArn(command.Role, "--role", name);
        CommandArguments.ExactlyOne(command.As, "--as", command.From, "--from", name);
        var duration = CommandArguments.Seconds(command.Duration, "--duration");
        var world = notebook.RequireWorld();
        var credentials = command.From is { Length: > 0 } from
            ? CommandArguments.Session(notebook.World, from.Trim()).Credentials
            : CommandArguments.CallerCredentials(world, command.As!.Trim());

        string? sessionPolicy = null;
        if (!string.IsNullOrWhiteSpace(command.SessionPolicy) && !notebook.Policies.TryGetValue(command.SessionPolicy.Trim(), out sessionPolicy)
            && !notebook.Policies.TryGetValue(command.SessionPolicy.Trim() + ".json", out sessionPolicy))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"--session-policy: no #!lab-policy cell wrote \"{command.SessionPolicy}\".");
        }

        var callerContext = new IamLab.Policy.Evaluation.RequestContext();
        if (!string.IsNullOrWhiteSpace(command.SourceIp))
        {
            callerContext.Set("aws:SourceIp", command.SourceIp.Trim());
        }

        if (command.Mfa)
        {
            callerContext.Set("aws:MultiFactorAuthPresent", "true");
        }

        var request = new AssumeRoleRequest(roleArn, string.IsNullOrWhiteSpace(command.SessionName) ? notebook.NextSessionName() : command.SessionName.Trim())
        {
            DurationSeconds = duration,
            ExternalId = string.IsNullOrWhiteSpace(command.ExternalId) ? null : command.ExternalId,
            Policy = sessionPolicy,
            Tags = CommandArguments.Tags(command.Tags, "--tags"),
            TransitiveTagKeys = CommandArguments.List(command.TransitiveTagKeys),
            SourceIdentity = CommandArguments.Optional(command.SourceIdentity),
        };
        var result = world.Sts.AssumeRole(credentials, request, callerContext, trace: true);
        var parent = command.From is { Length: > 0 } ? notebook.FindSession(command.From.Trim()) : null;
        var caller = parent?.Arn ?? (command.As!.Trim() is var asText && asText.StartsWith("arn:", StringComparison.Ordinal) ? asText : $"arn:aws:iam::{asText}:root");
        SessionOutcome.Show(context, notebook, world, "AssumeRole", result, command.Expect,
            new IamLab.Lessons.Chains.ChainAttempt("AssumeRole", parent?.AccessKeyId, caller, roleArn, request.RoleSessionName, duration));
        return Task.CompletedTask;
    }
}
