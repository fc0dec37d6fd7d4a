using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace IamLab.Interactive.Commands;

/// <summary>
/// A policy cell is <c>#!lab-policy FILE</c> and a JSON body. .NET Interactive runs the directive, then sends the rest of
/// the cell to the C# kernel as code; the directive's handler reads the body from the cell and marks the cell, and
/// this middleware drops the body before C# sees it.
/// </summary>
internal static class PolicyCellBody
{
    private static readonly ConditionalWeakTable<KernelCommand, object> Consumed = [];

    /// <summary>The lines below the <c>#!lab-policy</c> line of the cell that sent <paramref name="command"/>, joined with \n.</summary>
    public static string Read(KernelCommand command)
    {
        var cell = (command.Parent as SubmitCode)?.Code ?? string.Empty;
        var lines = cell.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith(PolicyCommand.Directive.Name, StringComparison.Ordinal));
        return at < 0 ? string.Empty : string.Join('\n', lines.Skip(at + 1));
    }

    /// <summary>Marks the cell of <paramref name="command"/> so its remaining code is not run as C#.</summary>
    public static void Consume(KernelCommand command)
    {
        if (command.Parent is { } cell)
        {
            Consumed.AddOrUpdate(cell, new object());
        }
    }

    /// <summary>The middleware: drops the code of a consumed cell.</summary>
    public static Task Middleware(KernelCommand command, KernelInvocationContext context, KernelPipelineContinuation next) =>
        command is SubmitCode && command.Parent is { } cell && Consumed.TryGetValue(cell, out _)
            ? Task.CompletedTask
            : next(command, context);
}
