namespace IamLab.Scenarios.Mutation;

/// <summary>One mutation of one policy document: where (a JSON path), which operator, what changed, and the mutated text.</summary>
/// <param name="Path">The JSON path of the mutated site, such as <c>$.Statement[0].Condition.StringEquals['sts:ExternalId']</c>.</param>
/// <param name="Operator">The operator's name (see <see cref="MutationOperators"/>).</param>
/// <param name="Description">What changed, in words, quoting the values.</param>
/// <param name="Json">The mutated document.</param>
public sealed record PolicyMutation(string Path, string Operator, string Description, string Json);
