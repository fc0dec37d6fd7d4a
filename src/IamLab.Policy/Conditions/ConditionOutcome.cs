namespace IamLab.Policy.Conditions;

/// <summary>The result of one condition: it held, it did not, or it could not be evaluated.</summary>
public enum ConditionOutcome
{
    /// <summary>The condition did not hold.</summary>
    False,
    /// <summary>The condition held.</summary>
    True,
    /// <summary>A policy value could not be parsed for its operator.</summary>
    Error,
}
