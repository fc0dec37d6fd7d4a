namespace IamLab.Policy.Model;

/// <summary>The set operators that prefix a condition operator for multivalued keys.</summary>
public enum SetQualifier
{
    /// <summary>No qualifier: a single-valued comparison.</summary>
    None,
    /// <summary><c>ForAllValues:</c> every request value must match some policy value (true when the key is absent or empty).</summary>
    ForAllValues,
    /// <summary><c>ForAnyValue:</c> at least one request value must match some policy value (false when the key is absent).</summary>
    ForAnyValue,
}
