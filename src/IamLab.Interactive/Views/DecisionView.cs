using IamLab.Policy.Evaluation;
using IamLab.World.Authorization;

namespace IamLab.Interactive.Views;

/// <summary>
/// An engine decision ready to show: the <see cref="DecisionExplanation"/> of a check the world made (STS, S3,
/// simulate), whether to show only what failed, and AWS's AccessDenied text.
/// </summary>
public sealed class DecisionView
{
    /// <summary>Makes the view of an explanation.</summary>
    public DecisionView(DecisionExplanation explanation, bool onlyFailures = false)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        Explanation = explanation;
        OnlyFailures = onlyFailures;
    }

    /// <summary>The view of a check made by the world (STS, S3, simulate).</summary>
    public static DecisionView From(AccessCheck check, bool onlyFailures = false)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new DecisionView(check.Explanation, onlyFailures) { DenialMessage = check.DenialMessage };
    }

    /// <summary>The decision with its reasons.</summary>
    public DecisionExplanation Explanation { get; }

    /// <summary>The decision's simulator name: allowed, explicitDeny, implicitDeny.</summary>
    public string Decision => Explanation.Decision.ToName();

    /// <summary>True when allowed.</summary>
    public bool IsAllowed => Explanation.IsAllowed;

    /// <summary>True to show only the checks that failed ("why was I denied?").</summary>
    public bool OnlyFailures { get; }

    /// <summary>AWS's AccessDenied message, when denied and known.</summary>
    public string? DenialMessage { get; init; }
}
