namespace IamLab.Scenarios.Grading;

/// <summary>An explanation: lines of text, and the learner's file and line it points at (if any).</summary>
internal sealed record Explained(IReadOnlyList<string> Lines, string? File, int Line)
{
    public static Explained None { get; } = new([], null, 0);
}
