namespace IamLab.Scenarios.Submissions;

/// <summary>Why a submission cannot be read: a stable code, a message naming the file, and a line and column when known.</summary>
public sealed record SubmissionProblem(string Code, string Message, string File, int Line = 0, int Column = 0)
{
    /// <summary>Where the problem is: <c>file:line:column</c>, or the file alone when no line is known.</summary>
    public string Location => Line > 0 ? $"{File}:{Line}:{Column}" : File;

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Code}: {Message}";
}
