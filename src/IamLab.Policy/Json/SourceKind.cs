namespace IamLab.Policy.Json;

/// <summary>The JSON kind of a <see cref="SourceNode"/>.</summary>
public enum SourceKind
{
    /// <summary>A JSON object.</summary>
    Object,
    /// <summary>A JSON array.</summary>
    Array,
    /// <summary>A JSON string.</summary>
    String,
    /// <summary>A JSON number (its text is kept as written).</summary>
    Number,
    /// <summary>The literal <c>true</c>.</summary>
    True,
    /// <summary>The literal <c>false</c>.</summary>
    False,
    /// <summary>The literal <c>null</c>.</summary>
    Null,
}
