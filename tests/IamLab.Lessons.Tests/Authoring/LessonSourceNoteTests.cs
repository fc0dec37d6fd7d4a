using IamLab.Lessons.Authoring;

namespace IamLab.Lessons.Tests.Authoring;

/// <summary><c>%% note NAME</c> in a lesson source: the note's text in a markdown cell that keeps the note's name.</summary>
public sealed class LessonSourceNoteTests
{
    [Fact]
    public void ANote_IsAMarkdownCellWithTheSharedText_AndItsName()
    {
        var folder = Repository.TempFolder();
        var source = Path.Combine(folder, "00-x.cells");
        File.WriteAllText(source, "%% markdown\n# X\n%% note sdk-clock\n%% csharp\n#!lab-grade\n");

        var (lesson, problems) = LessonSource.Read(source, Repository.Scenarios);

        Assert.Empty(problems);
        var note = lesson!.Cells[1];
        Assert.Equal(LessonCellKind.Markdown, note.Kind);
        Assert.Equal("sdk-clock", note.Note);
        Assert.Equal(SharedCells.Notes["sdk-clock"], note.Text);
        Assert.Null(lesson.Cells[0].Note);
    }

    [Fact]
    public void AnUnknownNote_IsAProblemAtItsLine()
    {
        var folder = Repository.TempFolder();
        var source = Path.Combine(folder, "00-x.cells");
        File.WriteAllText(source, "%% markdown\n# X\n%% note sdk-clok\n");

        var (lesson, problems) = LessonSource.Read(source, Repository.Scenarios);

        Assert.Null(lesson);
        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("unknown cell marker \"%% note sdk-clok\"", problem.Message, StringComparison.Ordinal);
    }
}
