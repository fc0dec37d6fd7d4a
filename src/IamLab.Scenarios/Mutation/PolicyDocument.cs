using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamLab.Scenarios.Mutation;

/// <summary>
/// A policy document as a JSON tree for mutating: its statements with their JSON paths, the values of an element (a
/// string or a list of strings), and the document written back as text.
/// </summary>
internal sealed class PolicyDocument
{
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private PolicyDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    /// <summary>The document, or null when the text is not a JSON object.</summary>
    public static PolicyDocument? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject root ? new PolicyDocument(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The statements (an object, or the objects of a list) with their paths.</summary>
    public IEnumerable<(JsonObject Statement, int Index, string Path)> Statements()
    {
        switch (Root["Statement"])
        {
            case JsonObject single:
                yield return (single, -1, "$.Statement");
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject statement)
                    {
                        yield return (statement, i, $"$.Statement[{i}]");
                    }
                }

                break;
        }
    }

    public static bool IsAllow(JsonObject statement) => statement["Effect"] is JsonValue v && v.TryGetValue<string>(out var e) && e == "Allow";

    public static bool IsDeny(JsonObject statement) => statement["Effect"] is JsonValue v && v.TryGetValue<string>(out var e) && e == "Deny";

    /// <summary>The string values of <paramref name="node"/> (a string or a list), each with its item index (null for a plain string).</summary>
    public static IEnumerable<(int? Item, string Value)> Values(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (null, text);
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonValue item && item.TryGetValue<string>(out var entry))
                    {
                        yield return (i, entry);
                    }
                }

                break;
        }
    }

    public static string ItemPath(string path, int? item) => item is null ? path : $"{path}[{item}]";

    public static string KeyPath(string path, string key) => $"{path}['{key}']";

    /// <summary>A copy of the document with <paramref name="change"/> applied to the statement at <paramref name="index"/>, as text.</summary>
    public string With(int index, Action<JsonObject> change)
    {
        var copy = (JsonObject)Root.DeepClone();
        var statement = index < 0 ? (JsonObject)copy["Statement"]! : (JsonObject)((JsonArray)copy["Statement"]!)[index]!;
        change(statement);
        return copy.ToJsonString(Written);
    }

    /// <summary>A copy of the document without the statement at <paramref name="index"/>, as text.</summary>
    public string Without(int index)
    {
        var copy = (JsonObject)Root.DeepClone();
        if (index < 0)
        {
            copy["Statement"] = new JsonArray();
        }
        else
        {
            ((JsonArray)copy["Statement"]!).RemoveAt(index);
        }

        return copy.ToJsonString(Written);
    }

    /// <summary>Sets one value of an element: the element itself when <paramref name="item"/> is null, else that list item.</summary>
    public static void SetValue(JsonObject owner, string element, int? item, string value)
    {
        if (item is null)
        {
            owner[element] = value;
        }
        else
        {
            ((JsonArray)owner[element]!)[item.Value] = value;
        }
    }
}
