using IamLab.World.Analysis;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// One submission graded for a report (<see cref="GuardedGrading.GradeForReport"/>): the outcome, and the access graph of
/// the world the grader built, or null when no graph was asked for, there was no world (an unreadable submission, ERROR
/// findings, a world the lab's IAM refused) or the graph was not ready within the time limit.
/// </summary>
/// <param name="Outcome">The grade, or the problems that kept the submission from being graded; it does not keep the world.</param>
/// <param name="Graph">The graph, or null.</param>
public sealed record GradedWithGraph(GradeOutcome Outcome, AccessGraph? Graph);
