namespace IamLab.Scenarios.Mutation;

/// <summary>One kind of learner mistake applied to a policy document, one site at a time.</summary>
internal interface IMutationOperator
{
    /// <summary>Every mutation of <paramref name="document"/> this operator makes, each changing one site.</summary>
    IEnumerable<PolicyMutation> Mutate(PolicyDocument document);
}
