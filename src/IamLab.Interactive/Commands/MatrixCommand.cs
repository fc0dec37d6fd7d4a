using IamLab.Lessons.Charts;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-matrix</c>: principals × actions on one resource, coloured by the engine's decision.</summary>
public sealed class MatrixCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-matrix", "Chart a decision matrix: principals × actions on one resource.",
        "A Plotly heat map of the engine's decisions (allowed green, implicitDeny light red, explicitDeny dark red), each over the world's whole policy stack.",
        [
            new("--actions", "The actions (columns), comma-separated.", Implicit: true, Value: "ACTION,..."),
            new("--resource", "The resource ARN.", Value: "ARN"),
            new("--principals", "The principals (rows), comma-separated: ARNs, account ids, service principals or session names; default every user and role.", Value: "P,..."),
            new("--context", "Condition keys of the requests: KEY=VALUE[,KEY=VALUE...].", Value: "PAIRS"),
            LabDirective.AtParameter,
        ]);

    /// <summary><c>--actions</c>.</summary>
    public string? Actions { get; set; }

    /// <summary><c>--resource</c>.</summary>
    public string? Resource { get; set; }

    /// <summary><c>--principals</c>.</summary>
    public string? Principals { get; set; }

    /// <summary><c>--context</c>.</summary>
    public string? Context { get; set; }

    internal static Task Run(MatrixCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var name = Directive.Name;
        var actions = CommandArguments.List(CommandArguments.Required(command.Actions, "--actions", name));
        var resource = CommandArguments.Required(command.Resource, "--resource", name);
        var requestContext = CommandArguments.Context(command.Context);
        var world = notebook.RequireWorld();
        var principals = CommandArguments.MatrixPrincipals(world, command.Principals);
        context.Display(DecisionMatrixChart.Build(DecisionMatrix.Build(world, principals, actions, resource, requestContext)));
        return Task.CompletedTask;
    }
}
