using IamLab.World.Federation;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-saml</c>: a SAML 2.0 sign-in through the lab's identity provider and AssumeRoleWithSAML.</summary>
public sealed class SamlCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-saml", "SAML 2.0 federation: sign a user in with the lab IdP and call AssumeRoleWithSAML.",
        "The lab's SAML identity provider signs a SAML response for the user naming the role and provider pair; STS checks it against the IAM SAML provider's "
        + "metadata and the role's trust policy. Shows the session (or AWS's error).",
        [
            new("--role", "The role to assume (its ARN).", Implicit: true, Value: "ARN"),
            new("--provider", "The IAM SAML provider's ARN.", Value: "ARN"),
            new("--user", "The user's NameID at the identity provider.", Value: "NAME"),
            new("--session-name", "RoleSessionName (the RoleSessionName attribute); default: the user.", Value: "NAME"),
            new("--duration", "DurationSeconds.", Value: "SECONDS"),
            new("--attribute", "Session tags as PrincipalTag attributes: KEY=VALUE[,KEY=VALUE...].", Value: "PAIRS"),
            new("--transitive-tag-keys", "The TransitiveTagKeys attribute: the session tags kept through role chaining, KEY[,KEY...].", Value: "KEYS"),
            new("--source-identity", "The SourceIdentity attribute (the trust must allow sts:SetSourceIdentity).", Value: "NAME"),
            new("--expect", "allowed, denied, or an AWS error code: the cell fails when the outcome differs.", Value: "OUTCOME"),
            LabDirective.AtParameter,
        ]);

    /// <summary><c>--role</c>.</summary>
    public string? Role { get; set; }

    /// <summary><c>--provider</c>.</summary>
    public string? Provider { get; set; }

    /// <summary><c>--user</c>.</summary>
    public string? User { get; set; }

    /// <summary><c>--session-name</c>.</summary>
    public string? SessionName { get; set; }

    /// <summary><c>--duration</c>.</summary>
    public string? Duration { get; set; }

    /// <summary><c>--attribute</c>.</summary>
    public string? Attribute { get; set; }

    /// <summary><c>--transitive-tag-keys</c>.</summary>
    public string? TransitiveTagKeys { get; set; }

    /// <summary><c>--source-identity</c>.</summary>
    public string? SourceIdentity { get; set; }

    /// <summary><c>--expect</c>.</summary>
    public string? Expect { get; set; }

    internal static Task Run(SamlCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var name = Directive.Name;
        var roleArn = CommandArguments.RoleArn(command.Role, "--role", name);
        var provider = CommandArguments.SamlProviderArn(command.Provider, name);

        var user = CommandArguments.Required(command.User, "--user", name);
        var duration = CommandArguments.Seconds(command.Duration, "--duration");
        var tags = CommandArguments.Pairs(command.Attribute, "--attribute").ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal);
        var transitive = CommandArguments.List(command.TransitiveTagKeys);
        var sourceIdentity = CommandArguments.Optional(command.SourceIdentity);
        var world = notebook.RequireWorld();
        var samlUser = new SamlUser
        {
            NameId = user,
            RoleSessionName = string.IsNullOrWhiteSpace(command.SessionName) ? user : command.SessionName.Trim(),
            Roles = [new SamlRolePair(roleArn, provider)],
            PrincipalTags = tags,
            TransitiveTagKeys = transitive,
            SourceIdentity = sourceIdentity,
        };
        IamLab.World.Errors.IamResult<IamLab.World.Sts.AssumeRoleResult> result;
        if (notebook.Scenario is { } scenario)
        {
            // A scenario's SAML providers hold the metadata of the scenario's own identity provider.
            var response = scenario.Session.SamlResponse(world, roleArn, provider, user, samlUser.RoleSessionName, tags, transitive, sourceIdentity)
                ?? throw new LabCommandException(ErrorCodes.Usage, $"The scenario {scenario.Id} declares no SAML provider.");
            result = world.Sts.AssumeRoleWithSaml(roleArn, provider, response, duration, trace: true);
        }
        else
        {
            result = world.Federation.SignInWithSaml(samlUser, roleArn, provider, duration);
        }

        SessionOutcome.Show(context, notebook, world, "AssumeRoleWithSAML", result, command.Expect,
            new IamLab.Lessons.Chains.ChainAttempt("AssumeRoleWithSAML", null, provider, roleArn, samlUser.RoleSessionName, duration));
        return Task.CompletedTask;
    }
}
