using IamLab.Policy.Model;

namespace IamLab.Policy.Conditions;

/// <summary>Conditions in one line, as the access graph and the decision tables label them: <c>StringEquals sts:ExternalId = a | b</c>.</summary>
public static class ConditionText
{
    /// <summary>The conditions joined with " AND "; empty when there are none.</summary>
    public static string Of(IReadOnlyList<Condition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return string.Join(" AND ", conditions.Select(c => $"{c.Operator.Name} {c.Key} = {string.Join(" | ", c.Values.Select(v => v.Text))}"));
    }
}
