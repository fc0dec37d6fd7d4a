using IamLab.Scenarios.Grading;

namespace IamLab.Interactive.Views;

/// <summary>A grade report of the notebook's policy cells.</summary>
public sealed record GradeView(GradeReport Report);
