using System.Text.Json.Nodes;

namespace IamLab.Scenarios.Mutation;

/// <summary>The (operator, key) pairs of the Allow statements' Conditions, and moving a key to another operator.</summary>
internal static class ConditionSites
{
    public static IEnumerable<(JsonObject Statement, int Index, string Path, string Operator, string Key, JsonNode? Values)> Of(PolicyDocument document)
    {
        foreach (var (statement, index, path) in document.Statements().Where(s => PolicyDocument.IsAllow(s.Statement)))
        {
            if (statement["Condition"] is not JsonObject condition)
            {
                continue;
            }

            foreach (var (op, block) in condition)
            {
                if (block is not JsonObject keys)
                {
                    continue;
                }

                foreach (var (key, values) in keys)
                {
                    yield return (statement, index, PolicyDocument.KeyPath($"{path}.Condition.{op}", key), op, key, values);
                }
            }
        }
    }

    /// <summary>Moves <paramref name="key"/> from <paramref name="from"/> to <paramref name="to"/> with <paramref name="values"/>; false when <paramref name="to"/> already has the key.</summary>
    public static bool Move(JsonObject statement, string from, string to, string key, JsonNode? values)
    {
        var condition = (JsonObject)statement["Condition"]!;
        if (condition[to] is JsonObject existing && existing.ContainsKey(key))
        {
            return false;
        }

        var source = (JsonObject)condition[from]!;
        source.Remove(key);
        if (source.Count == 0)
        {
            condition.Remove(from);
        }

        if (condition[to] is not JsonObject target)
        {
            target = [];
            condition[to] = target;
        }

        target[key] = values?.DeepClone();
        return true;
    }

    /// <summary>The values mapped by <paramref name="map"/>, kept a string or a list as they were.</summary>
    public static JsonNode? Map(JsonNode? values, Func<string, string> map) => values switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(map(text)),
        JsonArray list => new JsonArray(list.Select(i => i is JsonValue x && x.TryGetValue<string>(out var t) ? (JsonNode?)JsonValue.Create(map(t)) : i?.DeepClone()).ToArray()),
        _ => values?.DeepClone(),
    };
}
