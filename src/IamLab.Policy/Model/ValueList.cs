using IamLab.Policy.Json;

namespace IamLab.Policy.Model;

/// <summary>
/// The values of an Action/NotAction or Resource/NotResource element, each compiled once into a pattern.
/// </summary>
public sealed class ValueList
{
    /// <summary>Makes a value list.</summary>
    public ValueList(bool isNot, IReadOnlyList<PatternValue> values, SourcePosition position)
    {
        IsNot = isNot;
        Values = values;
        Position = position;
    }

    /// <summary>True for NotAction / NotResource: the statement applies to everything the values do not match.</summary>
    public bool IsNot { get; }

    /// <summary>The values as written, with their compiled patterns.</summary>
    public IReadOnlyList<PatternValue> Values { get; }

    /// <summary>Where the element's value starts.</summary>
    public SourcePosition Position { get; }
}
