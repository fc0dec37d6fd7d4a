using IamLab.Lessons.Chains;
using IamLab.Lessons.Charts;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-chain SESSION</c>: a session's chain as a picture, hop by hop, with the refused calls in red.</summary>
public sealed class ChainCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-chain", "Draw a session's chain: a box per hop, an arrow per call, refused calls in red.",
        "A Plotly picture of how SESSION came to be, origin first: the principal that started it, then one box per session (role, session name, issued, "
        + "expires, how long it lasts and the limit that applied: the role's MaxSessionDuration or the 1-hour cap on role chaining), joined by arrows labelled "
        + "with the STS call and the trust statement that allowed it. Calls STS refused from a box of the chain (or for SESSION's name) branch off in red "
        + "with AWS's error. The hover text of each box holds all of it.",
        [new("--session", "The session (session name or access key id); a session name that was only refused draws the refused call.", Implicit: true, Value: "SESSION")]);

    /// <summary><c>--session</c>.</summary>
    public string? Session { get; set; }

    internal static Task Run(ChainCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var name = CommandArguments.Required(command.Session, "SESSION (--session)", Directive.Name);
        var picture = ChainPicture.Of(notebook.RequireWorld(), notebook.Chains, name.Trim())
            ?? throw CommandArguments.UnknownSession(notebook.World, name.Trim());
        context.Display(ChainChart.Build(picture));
        return Task.CompletedTask;
    }
}
