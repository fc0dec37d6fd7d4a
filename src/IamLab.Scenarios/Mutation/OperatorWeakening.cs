namespace IamLab.Scenarios.Mutation;

/// <summary>
/// An Allow's condition operator weakened, one key at a time: StringEquals/ArnEquals to StringLike/ArnLike with a
/// trailing <c>*</c> on each value (<c>like-prefix</c>), StringEquals to StringEqualsIgnoreCase (<c>ignore-case</c>), any
/// operator but Null to its IfExists form (<c>if-exists</c>), and DateLessThan, DateGreaterThan, NumericLessThan,
/// NumericGreaterThan to their inclusive ...Equals forms (<c>inclusive</c>).
/// </summary>
internal sealed class OperatorWeakening : IMutationOperator
{
    private static readonly string[] Exclusive = ["DateLessThan", "DateGreaterThan", "NumericLessThan", "NumericGreaterThan"];

    public IEnumerable<PolicyMutation> Mutate(PolicyDocument document)
    {
        foreach (var site in ConditionSites.Of(document))
        {
            var name = ConditionOperatorName.Parse(site.Operator);
            var like = name.Is("StringEquals") ? "StringLike" : name.Is("ArnEquals") ? "ArnLike" : null;
            if (like is not null)
            {
                var widened = ConditionSites.Map(site.Values, v => v.EndsWith('*') ? v : v + "*");
                if (Moved(document, site, name.With(like), widened, MutationOperators.LikePrefix, $"{site.Operator} on {site.Key} → {name.With(like)} with a trailing *") is { } m)
                {
                    yield return m;
                }
            }

            if (name.Is("StringEquals") && Moved(document, site, name.With("StringEqualsIgnoreCase"), site.Values, MutationOperators.IgnoreCase,
                    $"{site.Operator} on {site.Key} → {name.With("StringEqualsIgnoreCase")}") is { } ignoreCase)
            {
                yield return ignoreCase;
            }

            if (!name.IfExists && !name.Is("Null") && Moved(document, site, name.With(name.Base, ifExists: true), site.Values, MutationOperators.IfExists,
                    $"{site.Operator} on {site.Key} → {name.With(name.Base, ifExists: true)}") is { } ifExists)
            {
                yield return ifExists;
            }

            if (Exclusive.FirstOrDefault(name.Is) is { } exclusive
                && Moved(document, site, name.With(exclusive + "Equals"), site.Values, MutationOperators.Inclusive, $"{site.Operator} on {site.Key} → {name.With(exclusive + "Equals")}") is { } inclusive)
            {
                yield return inclusive;
            }
        }
    }

    private static PolicyMutation? Moved(PolicyDocument document, (System.Text.Json.Nodes.JsonObject Statement, int Index, string Path, string Operator, string Key, System.Text.Json.Nodes.JsonNode? Values) site,
        string to, System.Text.Json.Nodes.JsonNode? values, string op, string description)
    {
        var moved = true;
        var json = document.With(site.Index, s => moved = ConditionSites.Move(s, site.Operator, to, site.Key, values));
        return moved ? new PolicyMutation(site.Path, op, description, json) : null;
    }
}
