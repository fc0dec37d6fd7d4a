using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>A mistake in a scenario or hidden-check file: a stable code, a message quoting the text, and where it is.</summary>
public sealed record ScenarioProblem(string Code, string Message, SourceSpot Spot)
{
    /// <inheritdoc />
    public override string ToString() => $"{Spot}: {Code}: {Message}";
}
