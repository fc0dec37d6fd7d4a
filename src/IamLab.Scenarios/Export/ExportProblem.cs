namespace IamLab.Scenarios.Export;

/// <summary>Why an export could not be made: a stable code (<see cref="ExportCodes"/>) and a message that quotes the input.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record ExportProblem(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
