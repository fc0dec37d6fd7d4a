namespace IamLab.Policy.Evaluation;

/// <summary>
/// One check the authorizer made: which statement (absent for rules), which element, whether it held,
/// and the values compared, in words.
/// </summary>
public sealed record TraceEvent(StatementRef? Statement, string? Effect, TraceStep Step, bool Passed, string Detail);
