using System.Text;
using IamLab.Policy.Matching;
using IamLab.Policy.Model;

namespace IamLab.Policy.Conditions;

/// <summary>
/// Decides whether one condition (an operator, a key and its values) holds for a request, following
/// AWS's rules for absent keys, negated operators, <c>IfExists</c> and the set qualifiers.
/// </summary>
public static class ConditionEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="condition"/> against the request's <paramref name="context"/>.
    /// When <paramref name="detail"/> is wanted, it receives the comparison in words.
    /// </summary>
    public static ConditionOutcome Evaluate(Condition condition, IContextValues context, bool wantDetail, out string? detail)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(context);
        detail = null;
        var op = condition.Operator;
        var values = condition.Values;
        for (var v = 0; v < values.Count; v++)
        {
            var value = values[v];
            if (!value.IsValid)
            {
                if (wantDetail)
                {
                    detail = $"{op.Name} \"{condition.Key}\": the policy value \"{value.Text}\" is not valid for this operator";
                }

                return ConditionOutcome.Error;
            }
        }

        var requestValues = context.Lookup(condition.Key);
        var present = requestValues is { Count: > 0 };
        var result = Decide(condition, op, requestValues, present, context);
        if (wantDetail)
        {
            detail = Describe(condition, requestValues, present, result);
        }

        return result ? ConditionOutcome.True : ConditionOutcome.False;
    }

    private static bool Decide(Condition condition, ConditionOperator op, IReadOnlyList<string>? requestValues, bool present, IContextValues context)
    {
        if (op.Kind == OperatorKind.Null)
        {
            // "true" asks that the key be absent, "false" that it be present; several values mean OR.
            for (var v = 0; v < condition.Values.Count; v++)
            {
                var value = condition.Values[v];
                if (value.Text.Equals("true", StringComparison.OrdinalIgnoreCase) != present)
                {
                    return true;
                }
            }

            return false;
        }

        if (!present)
        {
            return op.IfExists || op.Qualifier == SetQualifier.ForAllValues || (op.Qualifier == SetQualifier.None && op.IsNegated);
        }

        switch (op.Qualifier)
        {
            case SetQualifier.ForAllValues:
                for (var i = 0; i < requestValues!.Count; i++)
                {
                    if (AnyPolicyValueMatches(op, requestValues[i], condition.Values, context) == op.IsNegated)
                    {
                        return false;
                    }
                }

                return true;
            case SetQualifier.ForAnyValue:
                for (var i = 0; i < requestValues!.Count; i++)
                {
                    if (AnyPolicyValueMatches(op, requestValues[i], condition.Values, context) != op.IsNegated)
                    {
                        return true;
                    }
                }

                return false;
            default:
                var any = false;
                for (var i = 0; i < requestValues!.Count && !any; i++)
                {
                    any = AnyPolicyValueMatches(op, requestValues[i], condition.Values, context);
                }

                return any != op.IsNegated;
        }
    }

    private static bool AnyPolicyValueMatches(ConditionOperator op, string requestValue, IReadOnlyList<ConditionValue> values, IContextValues context)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (ValueComparer.Matches(op.Kind, requestValue, values[i], context))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Condition condition, IReadOnlyList<string>? requestValues, bool present, bool result)
    {
        var text = new StringBuilder();
        text.Append(condition.Operator.Name).Append(" \"").Append(condition.Key).Append("\": request ");
        if (!present)
        {
            text.Append("has no value");
        }
        else
        {
            text.Append("value ").Append(Quote(requestValues!));
        }

        text.Append(", policy ").Append(condition.Values.Count == 1 ? "value " : "values ").Append(Quote(condition.Values.Select(v => v.Text).ToList()));
        text.Append(result ? " → true" : " → false");
        if (!present && condition.Operator.Kind != OperatorKind.Null)
        {
            text.Append(condition.Operator.IfExists ? " (IfExists: an absent key passes)"
                : condition.Operator.Qualifier == SetQualifier.ForAllValues ? " (ForAllValues is true for an absent key)"
                : condition.Operator.IsNegated ? " (a negated operator is true for an absent key)"
                : " (the key is absent)");
        }

        return text.ToString();
    }

    private static string Quote(IReadOnlyList<string> values)
    {
        var shown = values.Take(5).Select(v => "\"" + Diagnostics.Findings.Quote(PolicyTemplate.ToPlainText(v)) + "\"");
        var joined = string.Join(", ", shown);
        return values.Count == 1 ? joined : $"[{joined}{(values.Count > 5 ? ", ..." : string.Empty)}]";
    }
}
