namespace IamLab.Lessons.Authoring;

/// <summary>Something wrong in a lesson source, with its place.</summary>
/// <param name="Path">The source file.</param>
/// <param name="Line">The 1-based line, or 0 when the problem is the file as a whole.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record SourceProblem(string Path, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
