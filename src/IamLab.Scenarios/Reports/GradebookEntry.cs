using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Reports;

/// <summary>One row of a gradebook: a submission folder and its report, or the problems that kept it from being read.</summary>
public sealed record GradebookEntry(string Name, GradeOutcome Outcome);
