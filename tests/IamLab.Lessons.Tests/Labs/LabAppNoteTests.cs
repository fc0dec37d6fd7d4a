using IamLab.Lessons.Authoring;
using IamLab.Lessons.Labs;

namespace IamLab.Lessons.Tests.Labs;

/// <summary>A shared note (<c>%% note NAME</c>) in a labs app: named in the app, printed from the one text the notebooks get.</summary>
public sealed class LabAppNoteTests
{
    [Fact]
    public void Note_PrintsTheNotesText_AsAStep()
    {
        var output = new StringWriter();
        using var app = LabApp.Start(["--no-pause"], "00-x", null, Path.Combine(Repository.Labs, "00-x.cs"), output);

        app.Note("sdk-clock");

        var printed = output.ToString();
        Assert.Contains("── step 1 ──", printed, StringComparison.Ordinal);
        Assert.Contains("Why the AWS SDK works against a world that lives on another date", printed, StringComparison.Ordinal);
        Assert.Contains("(`Amazon.AWSConfigs.ManualClockCorrection`, the setting the SDK uses when a machine's", SharedCells.Notes["sdk-clock"], StringComparison.Ordinal);
        Assert.Contains("Amazon.AWSConfigs.ManualClockCorrection", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_WithAnUnknownName_NamesTheNotesThereAre()
    {
        using var app = LabApp.Start(["--no-pause"], "00-x", null, Path.Combine(Repository.Labs, "00-x.cs"), new StringWriter());

        var error = Assert.Throws<ArgumentException>(() => app.Note("sdk-clok"));

        Assert.StartsWith("No note \"sdk-clok\"; the notes are: sdk-clock.", error.Message, StringComparison.Ordinal);
    }
}
