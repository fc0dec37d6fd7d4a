using IamLab.Interactive.Views;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-help</c>: lists every command.</summary>
public sealed class HelpCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-help", "List the IamLab notebook commands.",
        "Lists every IamLab magic command with its one-line description. Each command also takes --help.", []);

    internal static Task Run(KernelInvocationContext context)
    {
        context.Display(new HelpView(LabCommands.Directives, Detailed: false));
        return Task.CompletedTask;
    }
}
