namespace IamLab.Interactive.Tests.Notebooks.Authoring;

/// <summary>One cell of a notebook as its source describes it.</summary>
/// <param name="Kernel"><c>markdown</c> or <c>csharp</c>.</param>
/// <param name="Text">The cell's text, without a trailing newline.</param>
/// <param name="ExerciseFile">For an exercise cell, the scenario file the learner writes in it; otherwise null.</param>
internal sealed record SourceCell(string Kernel, string Text, string? ExerciseFile = null);
