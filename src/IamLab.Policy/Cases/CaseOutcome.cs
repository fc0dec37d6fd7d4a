using IamLab.Policy.Diagnostics;
using IamLab.Policy.Evaluation;

namespace IamLab.Policy.Cases;

/// <summary>
/// A case after evaluation: the case, its result and what the collector gathered. One evaluation serves
/// <c>iamlab eval</c> and the conformance runner, so both decide a case, and refuse one, the same way.
/// </summary>
/// <remarks>
/// A case whose policies hold an ERROR finding is refused, not decided: AWS would not have accepted such a
/// policy at upload, so no decision of AWS's exists to compare with (docs/evaluation-logic.md).
/// </remarks>
public sealed record CaseOutcome(EvalCase Case, AuthorizationResult? Result, EvaluationCollector Collector)
{
    /// <summary>True when the case was not decided: it could not be read, or a policy in it has an ERROR.</summary>
    public bool Unreadable => Result is null;

    /// <summary>True when the case was read but refused because a policy in it has an ERROR finding.</summary>
    public bool Refused => Result is null && Case.Request is not null;

    /// <summary>
    /// True when the case states an expectation and the outcome differs from it: another decision, a
    /// refusal where a decision was expected, a decision where a refusal was expected, or a refusal
    /// without one of the expected error codes.
    /// </summary>
    public bool Mismatch
    {
        get
        {
            if (Case.ExpectsRefusal)
            {
                return !Refused || Case.ExpectedErrors.Any(code => !Case.Diagnostics.Any(d => d.Severity == Severity.Error && d.Code == code));
            }

            return Result is { } r && Case.Expected is { } e && r.Decision != e;
        }
    }

    /// <summary>True when the case states an expectation (a decision or a refusal) and the outcome meets it.</summary>
    public bool Pass => (Case.ExpectsRefusal || (Case.Expected is not null && Result is not null)) && !Mismatch;

    /// <summary>Evaluates a case (or refuses it); the trace is recorded only when asked for.</summary>
    public static CaseOutcome Evaluate(EvalCase evalCase, bool trace)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var collector = new EvaluationCollector(trace);
        var result = evalCase.Request is null || evalCase.HasErrors
            ? (AuthorizationResult?)null
            : Authorizer.Authorize(evalCase.Request, evalCase.Policies, collector);
        return new CaseOutcome(evalCase, result, collector);
    }
}
