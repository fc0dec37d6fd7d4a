namespace IamLab.Policy.Evaluation;

/// <summary>A statement the authorizer could not evaluate, with why. It never allowed; a Deny counted as matching.</summary>
public sealed record EvaluationError(StatementRef Statement, string Code, string Message);
