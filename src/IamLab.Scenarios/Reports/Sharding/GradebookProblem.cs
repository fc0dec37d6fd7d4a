namespace IamLab.Scenarios.Reports.Sharding;

/// <summary>Why gradebook parts cannot be merged: a stable code (<see cref="GradebookCodes"/>) and a message naming the part.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Message">What is wrong, quoting the part and the submission or share concerned.</param>
public sealed record GradebookProblem(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
