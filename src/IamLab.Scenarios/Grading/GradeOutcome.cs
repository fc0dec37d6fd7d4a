using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Grading;

/// <summary>What grading one submission gave: a report, or the problems that kept the submission from being read.</summary>
public sealed record GradeOutcome(GradeReport? Report, IReadOnlyList<SubmissionProblem> Problems)
{
    /// <summary>True when the submission could be read and graded.</summary>
    public bool IsGraded => Report is not null;
}
