namespace IamLab.Lessons.Authoring;

/// <summary>The kinds of cell a lesson source holds.</summary>
public enum LessonCellKind
{
    /// <summary>Text to read (<c>%% markdown</c>, and the notes of <c>%% note NAME</c>).</summary>
    Markdown,

    /// <summary>C# with the lab's <c>#!lab-*</c> commands (<c>%% csharp</c>).</summary>
    Code,

    /// <summary>The notebook's first cell, which loads the lab's extension (<c>%% setup</c>); the labs apps need none.</summary>
    Setup,

    /// <summary>A policy the learner writes (<c>%% exercises SCENARIO</c>, one per file): <see cref="LessonCell.Text"/> is the starter text.</summary>
    Exercise,
}
