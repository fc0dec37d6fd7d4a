using Microsoft.DotNet.Interactive.Directives;

namespace IamLab.Interactive.Commands;

/// <summary>
/// The description of a magic command: its name, one-line summary, longer description and parameters. The same
/// description makes the .NET Interactive directive (completions, hover) and the <c>--help</c> output.
/// </summary>
public sealed record LabDirective(string Name, string Summary, string Description, IReadOnlyList<LabParameter> Parameters)
{
    /// <summary>The parameter every command has.</summary>
    public static readonly LabParameter HelpParameter = new("--help", "Show this description and run nothing.", Flag: true);

    /// <summary>The parameter of the commands that can run at a later world time.</summary>
    public static readonly LabParameter AtParameter = new("--at", "Run at this world time: +20m from now, or an instant (2026-01-15T13:30:00Z); the world's clock moves there first.", Value: "TIME");

    /// <summary>The .NET Interactive directive. No parameter is marked required: the command checks them itself, so that
    /// <c>--help</c> alone works and a missing one gets the lab's message.</summary>
    public KernelActionDirective ToDirective()
    {
        var directive = new KernelActionDirective(Name) { Description = Summary };
        foreach (var parameter in Parameters.Append(HelpParameter))
        {
            directive.Parameters.Add(new KernelDirectiveParameter(parameter.Name, parameter.Description)
            {
                Flag = parameter.Flag,
                AllowImplicitName = parameter.Implicit,
            });
        }

        return directive;
    }

    /// <summary>The usage line: the name and every parameter.</summary>
    public string Usage => string.Join(' ', new[] { Name }.Concat(Parameters.Select(p => p.Usage)));
}
