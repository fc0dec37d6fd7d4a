using IamLab.Policy.Conditions;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// Answers "does this statement apply to this request?": action, then resource, then principal, then
/// conditions, stopping at the first element that does not match.
/// </summary>
/// <remarks>
/// INVARIANT: an element that cannot be evaluated makes an Allow statement not apply and a Deny statement
/// apply, so a broken statement can never turn a deny into an allow.
/// </remarks>
internal static class StatementEvaluator
{
    public static bool Applies(Statement statement, PolicySlot slot, AuthorizationRequest request, bool hasBoundary, EvaluationCollector? collector, out PrincipalGrant grant)
    {
        grant = PrincipalGrant.Direct;
        var isDeny = statement.Effect == Effect.Deny;
        var tracing = collector is { TraceEnabled: true };
        var where = new StatementRef(slot, statement.Index, statement.Sid);
        var effect = isDeny ? "Deny" : "Allow";

        if (!statement.IsWellFormed && !isDeny)
        {
            Error(collector, where, "INVALID_STATEMENT", "The statement has errors, so it cannot allow anything.");
            return Finish(collector, tracing, where, effect, false);
        }

        // Action
        if (statement.Action is null)
        {
            Error(collector, where, "MISSING_ELEMENT", "The statement has no Action; as a Deny it is treated as matching.");
        }
        else if (!ValueMatches(statement.Action, request.Action, isAction: true, request, collector, tracing, where, effect))
        {
            return Finish(collector, tracing, where, effect, false);
        }

        // Resource: a resource-based or Organizations policy without one means the resource it governs.
        if (statement.Resource is null)
        {
            if (slot.Kind is PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Session)
            {
                Error(collector, where, "MISSING_ELEMENT", "The statement has no Resource, so it cannot allow anything.");
                if (!isDeny)
                {
                    return Finish(collector, tracing, where, effect, false);
                }
            }
        }
        else if (!ValueMatches(statement.Resource, request.Resource, isAction: false, request, collector, tracing, where, effect))
        {
            return Finish(collector, tracing, where, effect, false);
        }

        // Principal: only resource-based and resource control policies name principals.
        if (slot.Kind is PolicyKind.Resource or PolicyKind.ResourceControl)
        {
            if (!PrincipalApplies(statement, request, hasBoundary, isDeny, collector, tracing, where, effect, out grant))
            {
                return Finish(collector, tracing, where, effect, false);
            }
        }

        var conditions = statement.Conditions;
        for (var c = 0; c < conditions.Count; c++)
        {
            var condition = conditions[c];
            var outcome = ConditionEvaluator.Evaluate(condition, request.Context, tracing, out var detail);
            if (tracing)
            {
                collector!.Trace.Add(new TraceEvent(where, effect, TraceStep.Condition, outcome == ConditionOutcome.True, detail!));
            }

            if (outcome == ConditionOutcome.Error)
            {
                Error(collector, where, "INVALID_CONDITION", $"The condition {condition.Operator.Name} on \"{condition.Key}\" has a value that is not valid for its operator.");
                if (!isDeny)
                {
                    return Finish(collector, tracing, where, effect, false);
                }
            }
            else if (outcome == ConditionOutcome.False)
            {
                return Finish(collector, tracing, where, effect, false);
            }
        }

        return Finish(collector, tracing, where, effect, true);
    }

    private static bool PrincipalApplies(Statement statement, AuthorizationRequest request, bool hasBoundary, bool isDeny, EvaluationCollector? collector, bool tracing, StatementRef where, string effect, out PrincipalGrant grant)
    {
        var element = statement.Principal;
        if (element is null)
        {
            grant = PrincipalGrant.None;
            Error(collector, where, "MISSING_PRINCIPAL", "The statement has no Principal; as a Deny it is treated as matching.");
            if (isDeny)
            {
                grant = PrincipalGrant.Direct;
                return true;
            }

            return false;
        }

        bool matched;
        if (element.IsNot)
        {
            // AWS: a Deny with NotPrincipal always denies a principal that has a permissions boundary.
            matched = (isDeny && hasBoundary && request.Caller.HasIdentity) || !PrincipalMatcher.IsExcluded(element, request.Caller);
            grant = matched ? PrincipalGrant.Direct : PrincipalGrant.None;
        }
        else
        {
            grant = PrincipalMatcher.Match(element, request.Caller);
            matched = grant != PrincipalGrant.None;
        }

        if (tracing)
        {
            var how = grant switch
            {
                PrincipalGrant.Account => " (names the caller's account)",
                PrincipalGrant.Role => " (names the caller's role)",
                _ => string.Empty,
            };
            collector!.Trace.Add(new TraceEvent(where, effect, TraceStep.Principal, matched,
                $"{(element.IsNot ? "NotPrincipal" : "Principal")} {DescribePrincipal(element)} {(matched ? "matches" : "does not match")} \"{request.Caller.Text}\"{how}"));
        }

        return matched;
    }

    private static bool ValueMatches(ValueList list, string value, bool isAction, AuthorizationRequest request, EvaluationCollector? collector, bool tracing, StatementRef where, string effect)
    {
        var any = false;
        var patterns = list.Values;
        for (var p = 0; p < patterns.Count; p++)
        {
            var pattern = patterns[p];
            var text = pattern.Text;
            if (pattern.Template is not null)
            {
                text = pattern.Template.ResolveAsPattern(request.Context, out var missing)!;
                if (text is null)
                {
                    if (tracing)
                    {
                        collector!.Trace.Add(new TraceEvent(where, effect, TraceStep.Resource, false, $"the variable ${{{missing}}} in \"{pattern.Text}\" has no value in this request, so the value matches nothing"));
                    }

                    continue;
                }
            }

            if (isAction ? Wildcard.IsMatch(text, value, ignoreCase: true) : ArnMatcher.IsMatch(text, value))
            {
                any = true;
                break;
            }
        }

        var matched = any != list.IsNot;
        if (tracing)
        {
            var name = (list.IsNot ? "Not" : string.Empty) + (isAction ? "Action" : "Resource");
            var values = string.Join(", ", list.Values.Take(6).Select(v => $"\"{Diagnostics.Findings.Quote(v.Text)}\""));
            var verb = any ? "matches" : "does not match";
            collector!.Trace.Add(new TraceEvent(where, effect, isAction ? TraceStep.Action : TraceStep.Resource, matched,
                $"{name} [{values}{(list.Values.Count > 6 ? ", ..." : string.Empty)}] {verb} \"{Diagnostics.Findings.Quote(value)}\"{(list.IsNot ? (matched ? ", so NotAction/NotResource applies" : ", so it is excluded") : string.Empty)}"));
        }

        return matched;
    }

    private static string DescribePrincipal(PrincipalElement element) =>
        element.IsWildcard ? "\"*\"" : "[" + string.Join(", ", element.Values.Take(6).Select(v => $"{v.Type}: \"{v.Text}\"")) + "]";

    private static void Error(EvaluationCollector? collector, StatementRef where, string code, string message) =>
        collector?.Errors.Add(new EvaluationError(where, code, message));

    private static bool Finish(EvaluationCollector? collector, bool tracing, StatementRef where, string effect, bool applies)
    {
        if (tracing)
        {
            collector!.Trace.Add(new TraceEvent(where, effect, TraceStep.Statement, applies, applies ? $"{effect} statement applies" : $"{effect} statement does not apply"));
        }

        return applies;
    }
}
