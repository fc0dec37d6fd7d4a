using IamLab.Lessons.Authoring;

namespace IamLab.Lessons.Tests.Authoring;

/// <summary>Which lessons become labs apps: those that start a scenario's world; a lesson that builds its world in C# stays a notebook.</summary>
public sealed class LessonBuildAppTests
{
    [Fact]
    public void ALessonThatStartsAScenario_BecomesAnApp()
    {
        var lesson = new Lesson("00-x", null,
        [
            new LessonCell(LessonCellKind.Markdown, "# Start"),
            new LessonCell(LessonCellKind.Code, "// first the world\n  #!lab-scenario trust-vs-permissions --solution\n#!lab-access-graph"),
        ]);

        Assert.True(LessonBuild.RunsAsApp(lesson));
    }

    [Fact]
    public void ALessonThatBuildsItsWorldInCSharp_StaysANotebook()
    {
        var lesson = new Lesson("16-x", null,
        [
            new LessonCell(LessonCellKind.Markdown, "Run `#!lab-scenario` in another lesson to start one."),
            new LessonCell(LessonCellKind.Code, "var world = new LabWorld();\n#!lab-access-graph"),
        ]);

        Assert.False(LessonBuild.RunsAsApp(lesson));
    }

    [Fact]
    public void TheRepository_HasAnAppForEveryLessonThatRunsAsOne_AndNoOther()
    {
        var (files, problems) = LessonBuild.Generate(Repository.Root);

        Assert.Empty(problems);
        var apps = files.Where(f => f.RelativePath.StartsWith("labs/", StringComparison.Ordinal)).Select(f => f.RelativePath).ToList();
        var notebooks = files.Where(f => f.RelativePath.EndsWith(".ipynb", StringComparison.Ordinal)).Select(f => Path.GetFileNameWithoutExtension(f.RelativePath)).ToList();
        Assert.Contains("notebooks/16-in-the-real-world.ipynb", files.Select(f => f.RelativePath));
        Assert.DoesNotContain("labs/16-in-the-real-world.cs", apps);
        Assert.Contains("labs/05-cross-account-external-id.cs", apps);
        Assert.Equal(notebooks.Count - 1, apps.Count);
    }
}
