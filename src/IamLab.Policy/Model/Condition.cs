using IamLab.Policy.Json;

namespace IamLab.Policy.Model;

/// <summary>
/// One operator and key of a Condition block with its values: the statement applies only when the
/// request's value for <see cref="Key"/> satisfies <see cref="Operator"/> against one of <see cref="Values"/>.
/// </summary>
public sealed class Condition
{
    /// <summary>Makes a condition.</summary>
    public Condition(ConditionOperator @operator, string key, IReadOnlyList<ConditionValue> values, SourcePosition position)
    {
        Operator = @operator;
        Key = key;
        Values = values;
        Position = position;
    }

    /// <summary>The parsed operator.</summary>
    public ConditionOperator Operator { get; }

    /// <summary>The condition key as written (compared case-insensitively).</summary>
    public string Key { get; }

    /// <summary>The values; several values mean OR.</summary>
    public IReadOnlyList<ConditionValue> Values { get; }

    /// <summary>Where the key is written.</summary>
    public SourcePosition Position { get; }
}
