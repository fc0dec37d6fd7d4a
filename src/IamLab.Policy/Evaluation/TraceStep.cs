namespace IamLab.Policy.Evaluation;

/// <summary>What a trace event checked.</summary>
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
}
