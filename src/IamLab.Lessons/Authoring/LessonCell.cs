namespace IamLab.Lessons.Authoring;

/// <summary>One cell of a lesson as its source describes it (after <c>%% setup</c>, <c>%% exercises</c> and <c>%% note</c> are expanded).</summary>
/// <param name="Kind">What the cell is.</param>
/// <param name="Text">The cell's text, without a trailing newline: markdown, C# (with the lab's <c>#!lab-*</c> commands), or for an exercise the starter text of its file.</param>
/// <param name="ExerciseFile">For an exercise cell, the scenario file the learner writes in it; otherwise null.</param>
/// <param name="Note">For a markdown cell placed by <c>%% note NAME</c>, the note's name (its text is <see cref="SharedCells.Notes"/>[NAME]); otherwise null.</param>
public sealed record LessonCell(LessonCellKind Kind, string Text, string? ExerciseFile = null, string? Note = null);
