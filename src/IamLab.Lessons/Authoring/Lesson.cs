namespace IamLab.Lessons.Authoring;

/// <summary>A lesson read from <c>notebooks/src/NAME.cells</c>: written once, it becomes <c>notebooks/NAME.ipynb</c> and <c>labs/NAME.cs</c>.</summary>
/// <param name="Name">The source's file name without <c>.cells</c>, e.g. <c>05-cross-account-external-id</c>.</param>
/// <param name="ScenarioId">The scenario the lesson grades (from <c>%% exercises SCENARIO</c>), or null for a lesson without exercises.</param>
/// <param name="Cells">The cells, in order.</param>
public sealed record Lesson(string Name, string? ScenarioId, IReadOnlyList<LessonCell> Cells);
