namespace IamLab.Policy.Evaluation;

/// <summary>One check of an explanation with the checks made inside it (a policy's statements, a statement's elements, the Condition element's conditions).</summary>
public sealed class ExplainedCheck
{
    internal ExplainedCheck(TraceEvent traced, IReadOnlyList<ExplainedCheck> children)
    {
        Event = traced;
        Children = children;
    }

    /// <summary>The check.</summary>
    public TraceEvent Event { get; }

    /// <summary>The checks inside it, in the order they were made.</summary>
    public IReadOnlyList<ExplainedCheck> Children { get; }
}
