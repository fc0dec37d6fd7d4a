using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// One check the authorizer made, as a node of a tree: a policy holds statements, a statement its elements (Action,
/// Resource, Principal, Condition), the Condition element one node per operator and key. <see cref="Id"/> and
/// <see cref="ParentId"/> give the nesting; rules of the evaluation logic have no parent. Events are recorded when a check
/// ends, so a child comes before its parent in <see cref="EvaluationCollector.Trace"/>; ids are given when a check
/// starts, so ordering by id gives the order the checks were made in. <see cref="DecisionExplanation"/> groups them.
/// </summary>
public sealed record TraceEvent
{
    /// <summary>The event's id, unique within one authorization, in the order the checks began.</summary>
    public required int Id { get; init; }

    /// <summary>The enclosing check (the statement of an element, the policy of a statement), or null at the top.</summary>
    public int? ParentId { get; init; }

    /// <summary>What was checked.</summary>
    public required TraceStep Step { get; init; }

    /// <summary>The policy: every event below a policy carries it.</summary>
    public PolicySlot? Policy { get; init; }

    /// <summary>The statement, for a statement and its elements.</summary>
    public StatementRef? Statement { get; init; }

    /// <summary>The statement's effect; for a policy, the effect looked for (the Deny pass or the Allow pass).</summary>
    public Effect? Effect { get; init; }

    /// <summary>
    /// True when the check held: the element matched, the condition was true, the statement applied, the policy had a
    /// statement of the effect looked for, the rule let the request through.
    /// </summary>
    public required bool Passed { get; init; }

    /// <summary>The element as written (<c>Action</c>, <c>NotResource</c>, <c>Principal</c>) or the condition operator (<c>StringEquals</c>).</summary>
    public string? Element { get; init; }

    /// <summary>For a condition, its key.</summary>
    public string? Key { get; init; }

    /// <summary>The values the policy gives (patterns, principals, condition values).</summary>
    public IReadOnlyList<string> PolicyValues { get; init; } = [];

    /// <summary>The values of the request compared with them; null when the request has none (an absent condition key).</summary>
    public IReadOnlyList<string>? RequestValues { get; init; }

    /// <summary>For a rule, which kind of policy failed to allow or denied (<see cref="DenyReason.None"/> when it let the request through).</summary>
    public DenyReason Reason { get; init; }

    /// <summary>The check in words, as the lab's explanations print it.</summary>
    public required string Detail { get; init; }
}
