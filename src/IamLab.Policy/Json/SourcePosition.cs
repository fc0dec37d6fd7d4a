namespace IamLab.Policy.Json;

/// <summary>A one-based line and column in a source text. <see cref="None"/> marks a value made in code.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position of values that were not read from text.</summary>
    public static SourcePosition None => default;

    /// <summary>True when the position refers to a place in a text.</summary>
    public bool IsKnown => Line > 0;

    /// <inheritdoc />
    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?:?";
}
