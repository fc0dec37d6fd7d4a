namespace IamLab.Scenarios.Mutation;

/// <summary>A Deny statement removed.</summary>
internal sealed class DenyRemoval : IMutationOperator
{
    public IEnumerable<PolicyMutation> Mutate(PolicyDocument document) =>
        document.Statements().Where(s => PolicyDocument.IsDeny(s.Statement))
            .Select(s => new PolicyMutation(s.Path, MutationOperators.DenyRemoved,
                $"the Deny statement{(s.Statement["Sid"] is { } sid ? $" \"{sid}\"" : string.Empty)} removed", document.Without(s.Index)));
}
