namespace IamLab.Scenarios.Submissions;

/// <summary>Why a submission cannot be read: a stable code, a message naming the file, and a line and column when known.</summary>
public sealed record SubmissionProblem(string Code, string Message, string File, int Line = 0, int Column = 0)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Code}: {Message}" : $"{File}: {Code}: {Message}";
}
