namespace IamLab.Policy.Evaluation;

/// <summary>
/// The decision, the first statement that determined it, and which kind of policy denied (or failed to
/// allow) it. A value type, so authorizing without a collector allocates nothing; pass an
/// <see cref="EvaluationCollector"/> for every determining statement, the errors and the trace.
/// </summary>
public readonly record struct AuthorizationResult(Decision Decision, StatementRef? DecidingStatement, DenyReason Reason)
{
    /// <summary>True when the request is allowed.</summary>
    public bool IsAllowed => Decision == Decision.Allowed;
}
