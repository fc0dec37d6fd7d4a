using IamLab.Interactive.Views;
using IamLab.World.Authorization;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-simulate</c>: decide a request with the world's whole policy stack and explain the decision.</summary>
public sealed class SimulateCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-simulate", "Decide a request as a principal or session and explain the decision.",
        "Asks the engine, over the same policy stack the world's STS and the endpoint use (identity policies, boundary, session policies, SCPs, the "
        + "resource's policy), and shows the decision (allowed green, denied red, an explicit deny marked), why, the deciding statements and every check "
        + "with the values compared.",
        [
            new("--action", "The action, e.g. s3:GetObject.", Implicit: true, Value: "ACTION"),
            new("--resource", "The resource ARN.", Value: "ARN"),
            new("--as", "A user or role ARN, an account id, a service principal (ec2.amazonaws.com) or an identity provider ARN.", Value: "PRINCIPAL"),
            new("--session", "A session made in this notebook (session name or access key id).", Value: "SESSION"),
            new("--context", "Condition keys of the request: KEY=VALUE[,KEY=VALUE...] (a key twice gives it several values).", Value: "PAIRS"),
            new("--why", "Show only the checks that failed.", Flag: true),
            new("--expect", "allowed, explicitDeny, implicitDeny or denied: the cell fails when the decision differs.", Value: "DECISION"),
            LabDirective.AtParameter,
        ]);

    /// <summary><c>--action</c>.</summary>
    public string? Action { get; set; }

    /// <summary><c>--resource</c>.</summary>
    public string? Resource { get; set; }

    /// <summary><c>--as</c>.</summary>
    public string? As { get; set; }

    /// <summary><c>--session</c>.</summary>
    public string? Session { get; set; }

    /// <summary><c>--context</c>.</summary>
    public string? Context { get; set; }

    /// <summary><c>--why</c>.</summary>
    public bool Why { get; set; }

    /// <summary><c>--expect</c>.</summary>
    public string? Expect { get; set; }

    internal static Task Run(SimulateCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var name = Directive.Name;
        var action = CommandArguments.Required(command.Action, "--action", name);
        var resource = CommandArguments.Required(command.Resource, "--resource", name);
        CommandArguments.ExactlyOne(command.As, "--as", command.Session, "--session", name);
        var requestContext = CommandArguments.Context(command.Context);
        CommandArguments.DecisionExpectation(command.Expect);

        var world = notebook.RequireWorld();
        var check = command.Session is { Length: > 0 } sessionName
            ? world.Authorize(CommandArguments.Session(notebook.World, sessionName.Trim()).Credentials, action, resource, requestContext, trace: true)
            : world.AuthorizeAs(command.As!.Trim(), action, resource, requestContext, trace: true);
        if (!check.IsSuccess && check.Error!.Code == "ExpiredToken")
        {
            // The session's time is up on the world's clock: AWS refuses the request before it decides anything.
            context.Display(new StsFailureView(action, check.Error.Code, check.Error.Message, null));
            if (command.Expect is { Length: > 0 } expectedDenial && expectedDenial != "denied")
            {
                throw new LabCommandException(ErrorCodes.ExpectationFailed, $"expected {expectedDenial}, but the request was refused with ExpiredToken (the session expired at {Formatting.Html.Time(CommandArguments.Session(notebook.World, command.Session!.Trim()).Expiration)}).");
            }

            return Task.CompletedTask;
        }

        if (!check.IsSuccess)
        {
            var code = check.Error!.Code == "NoSuchEntity" ? ErrorCodes.UnknownPrincipal : ErrorCodes.UnknownSession;
            throw new LabCommandException(code, $"{check.Error.Code}: {check.Error.Message}");
        }

        var view = DecisionView.From(check.Value, command.Why);
        context.Display(view);
        if (command.Expect is { Length: > 0 } expect)
        {
            var met = expect == "denied" ? !view.IsAllowed : expect == view.Decision;
            if (!met)
            {
                throw new LabCommandException(ErrorCodes.ExpectationFailed, $"expected {expect}, but the decision was {view.Decision}.");
            }
        }

        return Task.CompletedTask;
    }
}
