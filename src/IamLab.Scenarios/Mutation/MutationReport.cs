namespace IamLab.Scenarios.Mutation;

/// <summary>The mutants of one scenario's solution and how each fared, plus the problems they reveal.</summary>
/// <param name="Scenario">The scenario id.</param>
/// <param name="Outcomes">Every mutant, in a stable order.</param>
/// <param name="Problems">Undeclared survivors, and equivalentMutants entries that name no surviving mutant.</param>
public sealed record MutationReport(string Scenario, IReadOnlyList<MutantOutcome> Outcomes, IReadOnlyList<string> Problems)
{
    /// <summary>The mutants that still earn full marks.</summary>
    public IReadOnlyList<MutantOutcome> Survivors => Outcomes.Where(o => o.Survived).ToList();
}
