using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Mutation;

/// <summary>How one mutant fared against the visible checks.</summary>
/// <param name="Mutant">The mutant.</param>
/// <param name="Score">Points it earned.</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="KilledBy">The checks that did not pass (empty for a survivor).</param>
/// <param name="Declared">The scenario's equivalentMutants entry for it, if any.</param>
public sealed record MutantOutcome(Mutant Mutant, int Score, int MaxScore, IReadOnlyList<string> KilledBy, EquivalentMutant? Declared)
{
    /// <summary>True when the mutant still earns full marks.</summary>
    public bool Survived => KilledBy.Count == 0;
}
