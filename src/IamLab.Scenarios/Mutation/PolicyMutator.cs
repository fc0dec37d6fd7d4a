namespace IamLab.Scenarios.Mutation;

/// <summary>Every mutation of a policy document by the learner-mistake operators of <see cref="MutationOperators"/>, one site at a time.</summary>
public static class PolicyMutator
{
    private static readonly IMutationOperator[] Operators =
        [new WildcardWidening(), new ConditionRemoval(), new OperatorWeakening(), new CidrWidening(), new PrincipalWidening(), new DenyRemoval()];

    /// <summary>The mutations of <paramref name="json"/>, in a stable order; none when it is not a JSON object.</summary>
    public static IReadOnlyList<PolicyMutation> Mutate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PolicyDocument.Parse(json) is { } document
            ? Operators.SelectMany(o => o.Mutate(document)).GroupBy(m => (m.Path, m.Operator)).Select(g => g.First()).ToList()
            : [];
    }
}
