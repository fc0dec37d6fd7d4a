namespace IamLab.Scenarios.Loading;

/// <summary>
/// What one YAML mapping may hold, for <see cref="YamlFields"/>: the fields it reads; the keys it refuses, each with the
/// whole message that says why (a learner's file refuses what only the scenario may choose); and the code and wording
/// of an unknown key. A refused key is never listed or suggested as a field.
/// </summary>
internal sealed record FieldRules(string What, IReadOnlyList<string> Allowed)
{
    /// <summary>Keys refused, each with its message.</summary>
    public IReadOnlyDictionary<string, string> Refused { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The code a refused key is reported with.</summary>
    public string RefusedCode { get; init; } = ScenarioCodes.InvalidValue;

    /// <summary>The code an unknown key is reported with.</summary>
    public string UnknownCode { get; init; } = ScenarioCodes.UnknownField;

    /// <summary>The message for an unknown key and the allowed name nearest it (null for the usual "is not a field of").</summary>
    public Func<string, string?, string>? UnknownMessage { get; init; }
}
