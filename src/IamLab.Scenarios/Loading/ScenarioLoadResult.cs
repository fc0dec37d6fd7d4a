using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>What loading a scenario gave: the scenario (null when it has problems) and every problem found.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when the scenario loaded without problems.</summary>
    public bool IsSuccess => Scenario is not null && Problems.Count == 0;
}
