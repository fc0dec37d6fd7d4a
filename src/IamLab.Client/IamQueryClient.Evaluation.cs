namespace IamLab.Client;

/// <summary>One EvaluationResult of a policy simulation.</summary>
/// <param name="EvalActionName">The action.</param>
/// <param name="EvalResourceName">The resource.</param>
/// <param name="EvalDecision"><c>allowed</c>, <c>explicitDeny</c> or <c>implicitDeny</c>.</param>
public sealed record IamQueryClientEvaluation(string EvalActionName, string EvalResourceName, string EvalDecision);
