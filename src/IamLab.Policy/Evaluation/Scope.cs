using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// One authorization in progress: finds matching statements and records them in the collector, if any.
/// A struct, so the fast path without a collector allocates nothing.
/// </summary>
internal readonly struct Scope(AuthorizationRequest request, EvaluationCollector? collector, bool hasBoundary)
{
    private readonly List<StatementRef>? allows = collector is null ? null : [];
    private readonly bool tracing = collector is { TraceEnabled: true };

    /// <summary>Looks for matching Deny statements; without a collector it stops at the first.</summary>
    public void Denies(PolicyDocument policy, PolicySlot slot, ref StatementRef? first)
    {
        var id = tracing ? collector!.Begin() : -1;
        var any = false;
        var statements = policy.Statements;
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            if (first is not null && collector is null)
            {
                return;
            }

            if (statement.Effect == Effect.Deny && StatementEvaluator.Applies(statement, slot, request, hasBoundary, collector, id, out _))
            {
                var found = new StatementRef(slot, statement.Index, statement.Sid);
                first ??= found;
                any = true;
                collector?.Determining.Add(found);
            }
        }

        PolicyChecked(id, slot, Effect.Deny, any);
    }

    /// <summary>Looks for matching Deny statements in every level of SCPs or RCPs.</summary>
    public void Denies(IReadOnlyList<IReadOnlyList<PolicyDocument>> levels, PolicyKind kind, ref StatementRef? first)
    {
        for (var level = 0; level < levels.Count; level++)
        {
            for (var i = 0; i < levels[level].Count; i++)
            {
                Denies(levels[level][i], new PolicySlot(kind, level, i), ref first);
            }
        }
    }

    /// <summary>The first Allow statement of a policy that applies (with a collector, all of them are recorded).</summary>
    public StatementRef? FirstAllow(PolicyDocument policy, PolicySlot slot)
    {
        var id = tracing ? collector!.Begin() : -1;
        StatementRef? first = null;
        var statements = policy.Statements;
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            if (statement.Effect == Effect.Allow && StatementEvaluator.Applies(statement, slot, request, hasBoundary, collector, id, out _))
            {
                var found = new StatementRef(slot, statement.Index, statement.Sid);
                first ??= found;
                if (allows is null)
                {
                    return first;
                }

                allows.Add(found);
            }
        }

        PolicyChecked(id, slot, Effect.Allow, first is not null);
        return first;
    }

    /// <summary>The first applying Allow among a list of policies of one kind.</summary>
    public StatementRef? FirstAllow(IReadOnlyList<PolicyDocument> policies, PolicyKind kind, int level)
    {
        StatementRef? first = null;
        for (var i = 0; i < policies.Count; i++)
        {
            first ??= FirstAllow(policies[i], new PolicySlot(kind, level, i));
            if (first is not null && allows is null)
            {
                return first;
            }
        }

        return first;
    }

    /// <summary>The strongest way the resource policy's applying Allow statements name the caller.</summary>
    public StatementRef? ResourceAllow(PolicyDocument policy, out PrincipalGrant grant)
    {
        grant = PrincipalGrant.None;
        StatementRef? best = null;
        var slot = new PolicySlot(PolicyKind.Resource, 0, 0);
        var id = tracing ? collector!.Begin() : -1;
        var statements = policy.Statements;
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            if (statement.Effect == Effect.Allow && StatementEvaluator.Applies(statement, slot, request, hasBoundary, collector, id, out var found))
            {
                var where = new StatementRef(slot, statement.Index, statement.Sid);
                allows?.Add(where);
                if (found > grant)
                {
                    grant = found;
                    best = where;
                }

                if (grant == PrincipalGrant.Direct && allows is null)
                {
                    break;
                }
            }
        }

        PolicyChecked(id, slot, Effect.Allow, best is not null);
        return best;
    }

    /// <summary>An allowed result; with a collector, the Allow statements of the policies that granted it are recorded.</summary>
    public AuthorizationResult Allowed(StatementRef? first, bool identity, bool resource)
    {
        if (collector is not null)
        {
            foreach (var found in allows!)
            {
                var kind = found.Policy.Kind;
                if ((kind == PolicyKind.Identity && identity) || (kind == PolicyKind.Resource && resource)
                    || kind is PolicyKind.Boundary or PolicyKind.Session or PolicyKind.ServiceControl)
                {
                    if (!collector.Determining.Contains(found))
                    {
                        collector.Determining.Add(found);
                    }
                }
            }

            Rule(true, DenyReason.None, "The request is allowed.");
        }

        return new AuthorizationResult(Decision.Allowed, first, DenyReason.None);
    }

    /// <summary>A denied result with the reason in words (the words are built only for a collector).</summary>
    public AuthorizationResult Result(Decision decision, StatementRef? first, DenyReason reason, string why)
    {
        if (collector is not null)
        {
            collector.Summary = why;
            Rule(decision == Decision.Allowed, reason, why);
        }

        return new AuthorizationResult(decision, first, reason);
    }

    private void Rule(bool passed, DenyReason reason, string detail)
    {
        if (tracing)
        {
            collector!.Trace.Add(new TraceEvent { Id = collector.Begin(), Step = TraceStep.Rule, Passed = passed, Reason = reason, Detail = detail });
        }
    }

    // A policy searched for statements of one effect: recorded after its statements, under the id they name as parent.
    private void PolicyChecked(int id, PolicySlot slot, Effect effect, bool found)
    {
        if (id >= 0)
        {
            var what = effect == Effect.Deny ? "Deny" : "Allow";
            var article = effect == Effect.Deny ? "a" : "an";
            collector!.Trace.Add(new TraceEvent
            {
                Id = id, Step = TraceStep.Policy, Policy = slot, Effect = effect, Passed = found,
                Detail = found ? $"{slot}: {article} {what} statement applies" : $"{slot}: no {what} statement applies",
            });
        }
    }
}
