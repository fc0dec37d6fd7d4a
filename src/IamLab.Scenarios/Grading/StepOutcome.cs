using IamLab.Policy.Evaluation;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// What one step gave: the engine's decision (for a request, or the reason an STS call was refused), the AWS error
/// code and message of a refused call, the explanation, and the learner's file and line it points at.
/// </summary>
internal sealed record StepOutcome(Decision? Decision, string? ErrorCode, string? ErrorMessage, Lazy<Explained> Why)
{
    /// <summary>The explanation, worked out on first use (a passing check never needs it).</summary>
    public Explained Explained => Why.Value;

    public bool Succeeded => ErrorCode is null && Decision == IamLab.Policy.Evaluation.Decision.Allowed;

    public static StepOutcome Allowed(Func<Explained> explain) => new(IamLab.Policy.Evaluation.Decision.Allowed, null, null, new Lazy<Explained>(explain));

    public bool Matches(Expectation expect) => expect.Kind switch
    {
        ExpectKind.Allowed => Succeeded,
        ExpectKind.Denied => IsDeny || ErrorCode == "AccessDenied",
        ExpectKind.ExplicitDeny => Decision == IamLab.Policy.Evaluation.Decision.ExplicitDeny,
        ExpectKind.ImplicitDeny => Decision == IamLab.Policy.Evaluation.Decision.ImplicitDeny,
        _ => ErrorCode == expect.ErrorCode || (expect.ErrorCode == "AccessDenied" && ErrorCode is null && IsDeny),
    };

    /// <summary>The outcome in words: <c>allowed</c>, <c>implicitDeny</c>, <c>AccessDenied (implicitDeny)</c>, <c>ValidationError</c>.</summary>
    public string Describe() => ErrorCode is null
        ? Decision?.ToName() ?? "no decision"
        : Decision is { } d && d != IamLab.Policy.Evaluation.Decision.Allowed ? $"{ErrorCode} ({d.ToName()})" : ErrorCode;

    private bool IsDeny => Decision is IamLab.Policy.Evaluation.Decision.ExplicitDeny or IamLab.Policy.Evaluation.Decision.ImplicitDeny;
}
