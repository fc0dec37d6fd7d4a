namespace IamLab.Policy.Json;

/// <summary>
/// A JSON value that remembers where it was written. The policy reader works on this tree so that
/// every finding can point at a line and column.
/// </summary>
public sealed class SourceNode
{
    private static readonly IReadOnlyList<SourceProperty> NoProperties = [];
    private static readonly IReadOnlyList<SourceNode> NoItems = [];

    internal SourceNode(SourceKind kind, SourcePosition position, string? text, IReadOnlyList<SourceProperty>? properties, IReadOnlyList<SourceNode>? items)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Properties = properties ?? NoProperties;
        Items = items ?? NoItems;
    }

    /// <summary>The JSON kind.</summary>
    public SourceKind Kind { get; }

    /// <summary>Where the value starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The string's value, or a number's text as written; null for other kinds.</summary>
    public string? Text { get; }

    /// <summary>The members of an object, in the order written (duplicates kept).</summary>
    public IReadOnlyList<SourceProperty> Properties { get; }

    /// <summary>The items of an array.</summary>
    public IReadOnlyList<SourceNode> Items { get; }

    /// <summary>A short name of the kind for messages: "an object", "a string", ...</summary>
    public string KindName => Kind switch
    {
        SourceKind.Object => "an object",
        SourceKind.Array => "an array",
        SourceKind.String => "a string",
        SourceKind.Number => "a number",
        SourceKind.True or SourceKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The scalar's text as a condition value would see it (numbers and booleans as written).</summary>
    public string? ScalarText => Kind switch
    {
        SourceKind.String or SourceKind.Number => Text,
        SourceKind.True => "true",
        SourceKind.False => "false",
        _ => null,
    };

    /// <summary>Makes a string node with no position, for policies built in code.</summary>
    public static SourceNode FromString(string value) => new(SourceKind.String, SourcePosition.None, value, null, null);
}
