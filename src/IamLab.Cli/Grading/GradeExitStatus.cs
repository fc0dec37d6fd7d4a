using IamLab.Scenarios.Grading;

namespace IamLab.Cli.Grading;

/// <summary>
/// The exit status of <c>iamlab grade</c>: full marks, lost points, bad input and a bug in the grader are four different
/// answers, so that CI tells "fix your answer" and "fix your files" from "report this".
/// </summary>
internal static class GradeExitStatus
{
    /// <summary>The status of one graded (or ungraded) submission.</summary>
    public static int Of(GradeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Report is { } report)
        {
            return report.Passed ? ExitCodes.Success : ExitCodes.Failed;
        }

        // The grader turns its own failure into that submission's problem (so that a class run goes on); it is still not
        // the learner's input that is at fault.
        return IsGraderBug(outcome) ? ExitCodes.InternalError : ExitCodes.UsageError;
    }

    /// <summary>The status of a class run: a grader bug on any submission first, then whether every submission passed.</summary>
    public static int OfClass(IReadOnlyCollection<GradeOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Any(IsGraderBug))
        {
            return ExitCodes.InternalError;
        }

        return outcomes.All(o => o.Report?.Passed == true) ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static bool IsGraderBug(GradeOutcome outcome) =>
        outcome.Problems.Any(p => string.Equals(p.Code, GradingCodes.InternalError, StringComparison.Ordinal));
}
