using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Grading;

/// <summary>What grading one submission gave: a report, or the problems that kept the submission from being read.</summary>
public sealed record GradeOutcome(GradeReport? Report, IReadOnlyList<SubmissionProblem> Problems)
{
    /// <summary>True when the submission could be read and graded.</summary>
    public bool IsGraded => Report is not null;

    /// <summary>
    /// The world the grader built and ran the checks in, when the grading was asked to keep it
    /// (<see cref="Grader.Grade(string, int, bool)"/>) and got as far as building it; null otherwise (an unreadable
    /// submission, ERROR findings, a world the lab's IAM refused, or not asked).
    /// </summary>
    public GradedWorld? World { get; init; }
}
