using IamLab.Scenarios.Model;

namespace IamLab.Interactive.Views;

/// <summary>A started scenario: what it teaches, the files to write with their current texts, and its visible checks.</summary>
public sealed record ScenarioView(Scenario Scenario, IReadOnlyDictionary<string, string> Texts, bool FromSolution);
