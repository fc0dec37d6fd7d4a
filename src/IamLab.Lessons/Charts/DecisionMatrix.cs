using IamLab.Policy.Evaluation;
using IamLab.World;
using IamLab.World.Authorization;

namespace IamLab.Lessons.Charts;

/// <summary>The engine's decision for every principal (rows) and action (columns) on one resource.</summary>
public sealed record DecisionMatrix(IReadOnlyList<string> Principals, IReadOnlyList<string> Actions, string Resource, IReadOnlyList<IReadOnlyList<string>> Decisions)
{
    /// <summary>
    /// Asks the world's whole policy stack (<see cref="PrincipalChecks.AuthorizeAs"/>) for each cell. A principal the world
    /// does not hold gets "unknown principal" in its row.
    /// </summary>
    public static DecisionMatrix Build(LabWorld world, IReadOnlyList<string> principals, IReadOnlyList<string> actions, string resource, RequestContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentNullException.ThrowIfNull(actions);
        var rows = principals.Select(p => (IReadOnlyList<string>)actions.Select(a =>
        {
            var check = world.AuthorizeAs(p, a, resource, context, trace: false);
            return check.IsSuccess ? check.Value.DecisionName : "unknown principal";
        }).ToList()).ToList();
        return new DecisionMatrix(principals, actions, resource, rows);
    }
}
