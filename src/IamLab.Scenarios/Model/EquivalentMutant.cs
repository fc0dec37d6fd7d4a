namespace IamLab.Scenarios.Model;

/// <summary>
/// A mutant of the reference solution that the scenario's author declares equivalent (it still earns full marks and
/// is still right, for example IfExists on a key AWS always sends): <c>iamlab check --mutants</c> does not fail on it.
/// </summary>
/// <param name="Id">The mutant's id as <c>iamlab check --mutants</c> prints it (file, JSON path and operator).</param>
/// <param name="Reason">One line saying why the mutant is still right.</param>
/// <param name="Spot">Where the declaration is written.</param>
public sealed record EquivalentMutant(string Id, string Reason, SourceSpot Spot);
