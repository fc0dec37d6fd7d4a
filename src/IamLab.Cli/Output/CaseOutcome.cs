using IamLab.Policy.Cases;
using IamLab.Policy.Evaluation;

namespace IamLab.Cli.Output;

/// <summary>A case after evaluation: the case, its result and what the collector gathered.</summary>
internal sealed record CaseOutcome(EvalCase Case, AuthorizationResult? Result, EvaluationCollector Collector)
{
    /// <summary>True when the case could not be read far enough to evaluate it.</summary>
    public bool Unreadable => Result is null;

    /// <summary>True when the case states an expectation and the decision differs from it.</summary>
    public bool Mismatch => Result is { } r && Case.Expected is { } e && r.Decision != e;

    /// <summary>Evaluates a case; the trace is recorded only when asked for.</summary>
    public static CaseOutcome Evaluate(EvalCase evalCase, bool trace)
    {
        var collector = new EvaluationCollector(trace);
        var result = evalCase.Request is null ? (AuthorizationResult?)null : Authorizer.Authorize(evalCase.Request, evalCase.Policies, collector);
        return new CaseOutcome(evalCase, result, collector);
    }
}
