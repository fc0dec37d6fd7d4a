using IamLab.World.Federation;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-github-oidc</c>: a GitHub Actions token from the lab issuer and AssumeRoleWithWebIdentity.</summary>
public sealed class GitHubOidcCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-github-oidc", "GitHub Actions OIDC: mint a workflow token and call AssumeRoleWithWebIdentity.",
        "The lab's GitHub-shaped issuer (https://token.actions.githubusercontent.com) mints a signed token for a workflow run of OWNER/REPO "
        + "(on main unless --branch, --environment or --pull-request says otherwise), audience sts.amazonaws.com unless --audience, "
        + "and STS checks it against the IAM OIDC provider and the role's trust policy. Shows the token's claims and the session (or AWS's error).",
        [
            new("--role", "The role to assume (its ARN).", Implicit: true, Value: "ARN"),
            new("--repo", "The repository, OWNER/REPO.", Value: "OWNER/REPO"),
            new("--branch", "The branch the workflow runs on (sub repo:OWNER/REPO:ref:refs/heads/BRANCH); default main.", Value: "NAME"),
            new("--environment", "The deployment environment (sub repo:OWNER/REPO:environment:NAME).", Value: "NAME"),
            new("--pull-request", "A pull request run (sub repo:OWNER/REPO:pull_request).", Value: "N"),
            new("--audience", "The token's aud; default sts.amazonaws.com.", Value: "AUD"),
            new("--session-name", "RoleSessionName; default gha-run-N.", Value: "NAME"),
            new("--duration", "DurationSeconds.", Value: "SECONDS"),
            new("--expect", "allowed, denied, or an AWS error code: the cell fails when the outcome differs.", Value: "OUTCOME"),
            LabDirective.AtParameter,
        ]);

    /// <summary><c>--role</c>.</summary>
    public string? Role { get; set; }

    /// <summary><c>--repo</c>.</summary>
    public string? Repo { get; set; }

    /// <summary><c>--branch</c>.</summary>
    public string? Branch { get; set; }

    /// <summary><c>--environment</c>.</summary>
    public string? Environment { get; set; }

    /// <summary><c>--pull-request</c>.</summary>
    public string? PullRequest { get; set; }

    /// <summary><c>--audience</c>.</summary>
    public string? Audience { get; set; }

    /// <summary><c>--session-name</c>.</summary>
    public string? SessionName { get; set; }

    /// <summary><c>--duration</c>.</summary>
    public string? Duration { get; set; }

    /// <summary><c>--expect</c>.</summary>
    public string? Expect { get; set; }

    internal static Task Run(GitHubOidcCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var name = Directive.Name;
        var roleArn = CommandArguments.RoleArn(command.Role, "--role", name);
        var workflow = CommandArguments.GitHubWorkflow(command.Repo, command.Branch, command.Environment, command.PullRequest, name);
        var repo = command.Repo!.Trim();
        var duration = CommandArguments.Seconds(command.Duration, "--duration");
        var world = notebook.RequireWorld();
        var options = string.IsNullOrWhiteSpace(command.Audience) ? null : new OidcTokenOptions { Audience = command.Audience.Trim() };
        var sessionName = string.IsNullOrWhiteSpace(command.SessionName) ? "gha-" + notebook.NextSessionName() : command.SessionName.Trim();
        IamLab.World.Errors.IamResult<IamLab.World.Sts.AssumeRoleResult> result;
        if (notebook.Scenario is { } scenario)
        {
            // A scenario's OIDC providers trust the scenario's own issuers.
            var token = scenario.Session.GitHubToken(world, repo, workflow.Ref, workflow.Environment, options?.Audience ?? OidcTokenOptions.StsAudience, workflow.EventName)
                ?? throw new LabCommandException(ErrorCodes.Usage, $"The scenario {scenario.Id} declares no GitHub Actions OIDC provider.");
            result = world.Sts.AssumeRoleWithWebIdentity(roleArn, sessionName, token, duration, trace: true);
        }
        else
        {
            result = world.Federation.AssumeRoleFromGitHub(workflow, roleArn, sessionName, duration, options);
        }

        SessionOutcome.Show(context, notebook, world, $"AssumeRoleWithWebIdentity (sub {workflow.Subject}, aud {options?.Audience ?? OidcTokenOptions.StsAudience})",
            result, command.Expect, new IamLab.Lessons.Chains.ChainAttempt("AssumeRoleWithWebIdentity", null, workflow.Subject, roleArn, sessionName, duration));
        return Task.CompletedTask;
    }
}
