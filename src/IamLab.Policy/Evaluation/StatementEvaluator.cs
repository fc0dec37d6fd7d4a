using IamLab.Policy.Conditions;
using IamLab.Policy.Diagnostics;
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
/// INVARIANT: with tracing off nothing below builds a string or an event (the <see cref="Node"/> is a struct of references).
/// </remarks>
internal static class StatementEvaluator
{
    public static bool Applies(Statement statement, PolicySlot slot, AuthorizationRequest request, bool hasBoundary, EvaluationCollector? collector, int parent,
        out PrincipalGrant grant)
    {
        grant = PrincipalGrant.Direct;
        var isDeny = statement.Effect == Effect.Deny;
        var where = new StatementRef(slot, statement.Index, statement.Sid);
        var node = new Node(collector, collector is { TraceEnabled: true } ? collector.Begin() : -1, parent, where, statement.Effect);

        // A statement the reader found errors in (AWS would refuse the policy at upload) never allows and, as a
        // Deny, always applies: a broken statement can never turn a deny into an allow (docs/evaluation-logic.md).
        if (!statement.IsWellFormed)
        {
            Error(collector, where, PolicyCodes.InvalidStatement, isDeny
                ? "The statement has errors, so as a Deny it applies to every request."
                : "The statement has errors, so it cannot allow anything.");
            return node.Finish(isDeny);
        }

        // Action
        if (statement.Action is null)
        {
            Error(collector, where, PolicyCodes.MissingAction, "The statement has no Action; as a Deny it is treated as matching.");
        }
        else if (!ValueMatches(statement.Action, request.Action, isAction: true, request, node))
        {
            return node.Finish(false);
        }

        // Resource: a resource-based or Organizations policy without one means the resource it governs.
        if (statement.Resource is null)
        {
            if (slot.Kind is PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Session)
            {
                Error(collector, where, PolicyCodes.MissingResource, "The statement has no Resource, so it cannot allow anything.");
                if (!isDeny)
                {
                    return node.Finish(false);
                }
            }
        }
        else if (!ValueMatches(statement.Resource, request.Resource, isAction: false, request, node))
        {
            return node.Finish(false);
        }

        // Principal: only resource-based and resource control policies name principals.
        if (slot.Kind is PolicyKind.Resource or PolicyKind.ResourceControl)
        {
            if (!PrincipalApplies(statement, request, hasBoundary, isDeny, node, out grant))
            {
                return node.Finish(false);
            }
        }

        return node.Finish(ConditionsHold(statement, request, isDeny, node));
    }

    private static bool ConditionsHold(Statement statement, AuthorizationRequest request, bool isDeny, Node node)
    {
        var conditions = statement.Conditions;
        if (conditions.Count == 0)
        {
            return true;
        }

        var block = node.Tracing ? node.Child() : node;
        for (var c = 0; c < conditions.Count; c++)
        {
            var condition = conditions[c];
            var outcome = ConditionEvaluator.Evaluate(condition, request.Context, node.Tracing, out var detail);
            if (node.Tracing)
            {
                var values = request.Context.Lookup(condition.Key);
                block.Add(TraceStep.Condition, outcome == ConditionOutcome.True, detail!, condition.Operator.Name, condition.Key,
                    condition.Values.Select(v => v.Text).ToList(), values is { Count: > 0 } ? values : null);
            }

            if (outcome == ConditionOutcome.Error)
            {
                Error(node.Collector, node.Where, PolicyCodes.InvalidCondition, $"The condition {condition.Operator.Name} on \"{condition.Key}\" has a value that is not valid for its operator.");
                if (!isDeny)
                {
                    return block.End(TraceStep.Conditions, false, "Condition: a condition cannot be evaluated", node);
                }
            }
            else if (outcome == ConditionOutcome.False)
            {
                return block.End(TraceStep.Conditions, false, "Condition: not every condition holds", node);
            }
        }

        return block.End(TraceStep.Conditions, true, "Condition: every condition holds", node);
    }

    private static bool PrincipalApplies(Statement statement, AuthorizationRequest request, bool hasBoundary, bool isDeny, Node node, out PrincipalGrant grant)
    {
        var element = statement.Principal;
        if (element is null)
        {
            grant = PrincipalGrant.None;
            Error(node.Collector, node.Where, PolicyCodes.MissingPrincipal, "The statement has no Principal; as a Deny it is treated as matching.");
            if (isDeny)
            {
                grant = PrincipalGrant.Direct;
                return true;
            }

            return false;
        }

        bool matched;
        if (element.IsNot && !isDeny)
        {
            // "NotPrincipal must be used with "Effect":"Deny"" (IAM User Guide, NotPrincipal): the validator reports an
            // Allow with NotPrincipal as an ERROR, and it never grants to a caller any of whose identities (session,
            // role, user or account) it lists.
            matched = PrincipalMatcher.Match(element, request.Caller) == PrincipalGrant.None;
            grant = matched ? PrincipalGrant.Direct : PrincipalGrant.None;
        }
        else if (element.IsNot)
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

        if (node.Tracing)
        {
            var how = grant switch
            {
                PrincipalGrant.Account => " (names the caller's account)",
                PrincipalGrant.Role => " (names the caller's role)",
                _ => string.Empty,
            };
            var name = element.IsNot ? "NotPrincipal" : "Principal";
            node.Add(TraceStep.Principal, matched, $"{name} {DescribePrincipal(element)} {(matched ? "matches" : "does not match")} \"{request.Caller.Text}\"{how}",
                name, null, element.IsWildcard ? ["*"] : element.Values.Select(v => $"{v.Type}: {v.Text}").ToList(), [request.Caller.Text]);
        }

        return matched;
    }

    private static bool ValueMatches(ValueList list, string value, bool isAction, AuthorizationRequest request, Node statementNode)
    {
        var node = statementNode.Tracing ? statementNode.Child() : statementNode;
        var name = (list.IsNot ? "Not" : string.Empty) + (isAction ? "Action" : "Resource");
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
                    if (node.Tracing)
                    {
                        node.Add(TraceStep.Variable, false, $"the variable ${{{missing}}} in \"{pattern.Text}\" has no value in this request, so the value matches nothing",
                            name, missing, [pattern.Text], null);
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
        if (node.Tracing)
        {
            var values = string.Join(", ", list.Values.Take(6).Select(v => $"\"{Diagnostics.Findings.Quote(v.Text)}\""));
            var verb = any ? "matches" : "does not match";
            node.End(isAction ? TraceStep.Action : TraceStep.Resource, matched,
                $"{name} [{values}{(list.Values.Count > 6 ? ", ..." : string.Empty)}] {verb} \"{Diagnostics.Findings.Quote(value)}\"{(list.IsNot ? (matched ? ", so NotAction/NotResource applies" : ", so it is excluded") : string.Empty)}",
                statementNode, name, list.Values.Select(v => v.Text).ToList(), [value]);
        }

        return matched;
    }

    private static string DescribePrincipal(PrincipalElement element) =>
        element.IsWildcard ? "\"*\"" : "[" + string.Join(", ", element.Values.Take(6).Select(v => $"{v.Type}: \"{v.Text}\"")) + "]";

    private static void Error(EvaluationCollector? collector, StatementRef where, string code, string message) =>
        collector?.Errors.Add(new EvaluationError(where, code, message));

    /// <summary>
    /// A check in progress inside one statement: <see cref="Id"/> is its trace id (-1 when not tracing) and
    /// <see cref="Parent"/> the id of the check that holds it.
    /// </summary>
    private readonly record struct Node(EvaluationCollector? Collector, int Id, int Parent, StatementRef Where, Effect Effect)
    {
        public bool Tracing => Id >= 0;

        /// <summary>A check inside this one (an element of the statement), with its own id.</summary>
        public Node Child() => this with { Id = Collector!.Begin(), Parent = Id };

        /// <summary>Records a leaf check inside this one.</summary>
        public void Add(TraceStep step, bool passed, string detail, string? element, string? key, IReadOnlyList<string> policyValues, IReadOnlyList<string>? requestValues) =>
            Collector!.Trace.Add(new TraceEvent
            {
                Id = Collector.Begin(), ParentId = Id, Step = step, Policy = Where.Policy, Statement = Where, Effect = Effect, Passed = passed,
                Element = element, Key = key, PolicyValues = policyValues, RequestValues = requestValues, Detail = detail,
            });

        /// <summary>Records this check (made by <see cref="Child"/>) as ended, under <paramref name="holder"/>; returns <paramref name="passed"/>.</summary>
        public bool End(TraceStep step, bool passed, string detail, Node holder, string? element = null, IReadOnlyList<string>? policyValues = null,
            IReadOnlyList<string>? requestValues = null)
        {
            if (Tracing)
            {
                Collector!.Trace.Add(new TraceEvent
                {
                    Id = Id, ParentId = holder.Id, Step = step, Policy = Where.Policy, Statement = Where, Effect = Effect, Passed = passed,
                    Element = element ?? (step == TraceStep.Conditions ? "Condition" : null), PolicyValues = policyValues ?? [], RequestValues = requestValues,
                    Detail = detail,
                });
            }

            return passed;
        }

        /// <summary>Records the statement's verdict; returns <paramref name="applies"/>.</summary>
        public bool Finish(bool applies)
        {
            if (Tracing)
            {
                var effect = Effect == Effect.Deny ? "Deny" : "Allow";
                Collector!.Trace.Add(new TraceEvent
                {
                    Id = Id, ParentId = Parent >= 0 ? Parent : null, Step = TraceStep.Statement, Policy = Where.Policy, Statement = Where, Effect = Effect,
                    Passed = applies, Detail = applies ? $"{effect} statement applies" : $"{effect} statement does not apply",
                });
            }

            return applies;
        }
    }
}
