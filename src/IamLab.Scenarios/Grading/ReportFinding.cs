namespace IamLab.Scenarios.Grading;

/// <summary>A validator or security finding in one of the learner's files, as reports show it.</summary>
public sealed record ReportFinding(string Code, string Severity, string Message, string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}: {Severity} {Code}: {Message}";
}
