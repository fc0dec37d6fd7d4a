using IamLab.Lessons.Authoring;

namespace IamLab.Lessons.Tests.Authoring;

/// <summary>How a lesson becomes the text of a labs app.</summary>
public sealed class LabAppWriterTests
{
    [Fact]
    public void Write_OneCallPerCell_CommandsOneByOne_AndTheRestOfACodeCellAsCSharp()
    {
        var lesson = new Lesson("05-x", "cross-account-external-id",
        [
            new LessonCell(LessonCellKind.Setup, "// the notebook's setup"),
            new LessonCell(LessonCellKind.Markdown, "# Five\n\nText"),
            new LessonCell(LessonCellKind.Exercise, "{}", "trust-policy.json"),
            new LessonCell(LessonCellKind.Code, "#!lab-endpoint --as arn:aws:iam::1:user/a\nvar x = 1;\n#!lab-grade"),
        ]);

        var code = LabAppWriter.Write(lesson);

        Assert.StartsWith("#!/usr/bin/env dotnet\n", code, StringComparison.Ordinal);
        Assert.Contains("\n#:project ../src/IamLab.Lessons/IamLab.Lessons.csproj\n", code, StringComparison.Ordinal);
        Assert.Contains("using var lab = LabApp.Start(args, \"05-x\", \"cross-account-external-id\");\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("the notebook's setup", code, StringComparison.Ordinal);
        Assert.Contains("lab.Markdown(\"\"\"\n    # Five\n\n    Text\n    \"\"\");\n", code, StringComparison.Ordinal);
        Assert.Contains("lab.Exercise(\"trust-policy.json\");\n", code, StringComparison.Ordinal);
        Assert.Contains("lab.Run(\"#!lab-endpoint --as arn:aws:iam::1:user/a\");\nlab.Run(\"#!lab-grade\");\nlab.CSharp(\"\"\"\n    var x = 1;\n    \"\"\");\n", code, StringComparison.Ordinal);
        Assert.EndsWith("return lab.Finish();\n", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuotesTextHoldingQuotes_WithALongerDelimiter()
    {
        var lesson = new Lesson("x", null, [new LessonCell(LessonCellKind.Markdown, "say \"\"\"\"hi\"\"\"\""), new LessonCell(LessonCellKind.Code, "#!lab-simulate --context \"a=b\\c\"")]);

        var code = LabAppWriter.Write(lesson);

        Assert.Contains("lab.Markdown(\"\"\"\"\"\n    say \"\"\"\"hi\"\"\"\"\n    \"\"\"\"\");", code, StringComparison.Ordinal);
        Assert.Contains("lab.Run(\"#!lab-simulate --context \\\"a=b\\\\c\\\"\");", code, StringComparison.Ordinal);
        Assert.Contains("LabApp.Start(args, \"x\", null);", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ASharedNote_IsNamed_NotRepeated()
    {
        var note = SharedCells.Notes["sdk-clock"];
        var lesson = new Lesson("x", null, [new LessonCell(LessonCellKind.Markdown, note, Note: "sdk-clock"), new LessonCell(LessonCellKind.Markdown, "Own text")]);

        var code = LabAppWriter.Write(lesson);

        Assert.Contains("\nlab.Note(\"sdk-clock\");\nlab.Markdown(\"\"\"\n    Own text\n    \"\"\");\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("ManualClockCorrection", code, StringComparison.Ordinal);
    }
}
