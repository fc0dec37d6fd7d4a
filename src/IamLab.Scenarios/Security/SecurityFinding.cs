namespace IamLab.Scenarios.Security;

/// <summary>A security finding in a learner's file: code, message, and line and column.</summary>
public sealed record SecurityFinding(string Code, string Message, string File, int Line, int Column);
