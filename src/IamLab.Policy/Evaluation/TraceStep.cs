namespace IamLab.Policy.Evaluation;

/// <summary>What a trace event checked, from the outside in: policy, statement, element, condition.</summary>
public enum TraceStep
{
    /// <summary>A statement as a whole: did it apply to the request?</summary>
    Statement,
    /// <summary>The Principal or NotPrincipal element.</summary>
    Principal,
    /// <summary>The Action or NotAction element.</summary>
    Action,
    /// <summary>The Resource or NotResource element.</summary>
    Resource,
    /// <summary>One operator and key of the Condition element.</summary>
    Condition,
    /// <summary>A rule of the evaluation logic (for example "every SCP level must allow").</summary>
    Rule,
    /// <summary>One policy, searched for statements of one effect (its Deny pass or its Allow pass).</summary>
    Policy,
    /// <summary>The Condition element as a whole: did every operator and key hold?</summary>
    Conditions,
    /// <summary>A policy variable (<c>${aws:username}</c>) in an element's value that the request gives no value for.</summary>
    Variable,
}
