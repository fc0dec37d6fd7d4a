namespace IamLab.Scenarios.Mutation;

/// <summary>
/// A mutant of a scenario's reference solution: one file changed at one site by one operator. Its <see cref="Id"/> is
/// stable (file, JSON path, operator) and is what <c>equivalentMutants</c> in scenario.yaml names.
/// </summary>
/// <param name="File">The solution file mutated.</param>
/// <param name="Mutation">The change.</param>
/// <param name="Files">The whole mutated submission (every file of the scenario, by name).</param>
public sealed record Mutant(string File, PolicyMutation Mutation, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The id: <c>FILE PATH OPERATOR</c>, such as <c>trust-policy.json $.Statement[0].Condition.StringEquals['sts:ExternalId'] like-prefix</c>.</summary>
    public string Id => IdOf(File, Mutation.Path, Mutation.Operator);

    /// <summary>The id of the mutant of <paramref name="file"/> at <paramref name="path"/> by <paramref name="op"/>.</summary>
    public static string IdOf(string file, string path, string op) => $"{file} {path} {op}";
}
