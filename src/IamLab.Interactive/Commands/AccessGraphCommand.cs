using IamLab.Lessons.Charts;
using IamLab.World.Analysis;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-access-graph</c>: who may assume which role, found by asking the engine.</summary>
public sealed class AccessGraphCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-access-graph", "Chart who may assume which role (accounts, users, roles, providers, services).",
        "For every principal and role the engine decides sts:AssumeRole (AssumeRoleWithSAML / WithWebIdentity for providers) over the whole policy stack. "
        + "Solid arrows are allowed; dashed ones only when the trust policy's conditions hold, labelled with those conditions.",
        [new("--account", "Only the roles of this account.", Implicit: true, Value: "ID")]);

    /// <summary><c>--account</c>.</summary>
    public string? Account { get; set; }

    internal static Task Run(AccessGraphCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var world = notebook.RequireWorld();
        var account = string.IsNullOrWhiteSpace(command.Account) ? null : command.Account.Trim();
        if (account is not null && !world.Accounts.ContainsKey(account))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"--account {account} is not in this world; the accounts are: {string.Join(", ", world.Accounts.Keys.Order(StringComparer.Ordinal))}.");
        }

        var graph = AccessGraphBuilder.Build(world, account);
        context.Display(AccessGraphChart.Build(graph));
        return Task.CompletedTask;
    }
}
