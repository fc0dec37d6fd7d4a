using System.Text.Json.Nodes;

namespace IamLab.Scenarios.Mutation;

/// <summary>An Allow's whole Condition removed, or one of its keys (when it has more than one).</summary>
internal sealed class ConditionRemoval : IMutationOperator
{
    public IEnumerable<PolicyMutation> Mutate(PolicyDocument document)
    {
        foreach (var (statement, index, path) in document.Statements().Where(s => PolicyDocument.IsAllow(s.Statement)))
        {
            if (statement["Condition"] is JsonObject)
            {
                yield return new PolicyMutation($"{path}.Condition", MutationOperators.ConditionDropped, "the Condition removed",
                    document.With(index, s => s.Remove("Condition")));
            }
        }

        var sites = ConditionSites.Of(document).ToList();
        foreach (var site in sites.Where(s => sites.Count(o => o.Index == s.Index) > 1))
        {
            yield return new PolicyMutation(site.Path, MutationOperators.KeyDropped, $"the condition {site.Operator} on {site.Key} removed",
                document.With(site.Index, s =>
                {
                    var condition = (JsonObject)s["Condition"]!;
                    var block = (JsonObject)condition[site.Operator]!;
                    block.Remove(site.Key);
                    if (block.Count == 0)
                    {
                        condition.Remove(site.Operator);
                    }
                }));
        }
    }
}
