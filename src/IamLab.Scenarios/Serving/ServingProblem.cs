namespace IamLab.Scenarios.Serving;

/// <summary>Why a scenario's world cannot be served: a stable code and a message naming the scenario or file.</summary>
/// <param name="Code">The stable code, e.g. <c>SCENARIO_UNKNOWN</c>.</param>
/// <param name="Message">What is wrong, quoting the offending text.</param>
public sealed record ServingProblem(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
