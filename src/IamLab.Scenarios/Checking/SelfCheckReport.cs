using IamLab.Scenarios.Mutation;

namespace IamLab.Scenarios.Checking;

/// <summary>What <see cref="ScenarioSelfCheck"/> found for one scenario.</summary>
/// <param name="Id">The scenario id.</param>
/// <param name="Problems">Every problem, one sentence each; empty when the scenario is sound.</param>
/// <param name="Summary">One line: the scores of the solution, starter and empty submission, the answers, mutants and hidden checks.</param>
/// <param name="Mutation">The mutation run, when mutants were made.</param>
public sealed record SelfCheckReport(string Id, IReadOnlyList<string> Problems, string Summary, MutationReport? Mutation)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsSound => Problems.Count == 0;
}
