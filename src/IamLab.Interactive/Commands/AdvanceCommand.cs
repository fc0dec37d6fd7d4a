using IamLab.Interactive.Clock;
using IamLab.Interactive.Views;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-advance 20m</c>: move the scenario world's clock forward and show which sessions are still valid.</summary>
public sealed class AdvanceCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-advance", "Move the world's clock forward (e.g. 20m) and show which sessions are still valid.",
        "A scenario's world starts at the scenario's fixed instant, so grades do not depend on the day; time passes only when you say so. "
        + "Moves the clock by DURATION (20m, 1h30m, 90s, 2d) or to --to INSTANT, and shows the world's time and every session with the time it has left "
        + "or how long ago it expired. Expired sessions are refused from then on (ExpiredToken), by the commands and by the endpoint. "
        + "The AWS SDK in the notebook signs with the world's time.",
        [
            new("--by", "How far to move the clock: 20m, 1h30m, 90s, 2d.", Implicit: true, Value: "DURATION"),
            new("--to", "Move the clock to this instant (e.g. 2026-01-15T13:30:00Z).", Value: "INSTANT"),
        ]);

    /// <summary><c>--by</c>.</summary>
    public string? By { get; set; }

    /// <summary><c>--to</c>.</summary>
    public string? To { get; set; }

    internal static Task Run(AdvanceCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        CommandArguments.ExactlyOne(command.By, "--by", command.To, "--to", Directive.Name);
        var world = notebook.RequireWorld();
        var now = world.Time.GetUtcNow();
        var target = command.By is { Length: > 0 } by
            ? CommandArguments.Later(now, CommandArguments.Duration(by, "--by"), "--by")
            : CommandArguments.At(command.To!, now, "--to");
        WorldClock.MoveTo(notebook, target, command.By is { Length: > 0 } ? "--by" : "--to");
        context.Display(ClockView.Of(notebook, now));
        return Task.CompletedTask;
    }
}
