using IamLab.Policy.Evaluation;

namespace IamLab.World.Simulation;

/// <summary>
/// One EvaluationResult of SimulatePrincipalPolicy / SimulateCustomPolicy: the action and resource, the
/// decision (allowed, explicitDeny, implicitDeny), the statements that decided it and the condition keys
/// the policies use that the request did not supply.
/// </summary>
public sealed record SimulationResult(string EvalActionName, string EvalResourceName, string EvalDecision,
    IReadOnlyList<StatementRef> MatchedStatements, IReadOnlyList<string> MissingContextValues)
{
    /// <summary>Whether the organization's SCPs allow the action; null when no SCP applies (SimulateCustomPolicy, accounts outside an organization).</summary>
    public OrganizationsDecisionDetail? OrganizationsDecisionDetail { get; init; }
}
