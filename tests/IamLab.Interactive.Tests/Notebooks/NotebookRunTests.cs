using System.Text.RegularExpressions;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>
/// Every notebook runs in process (a CompositeKernel with a CSharpKernel, the extension loaded from the locally
/// built package by the notebook's own first cell), with the reference solutions in its exercise cells.
/// </summary>
[Collection(NotebookKernels.Name)]
public sealed partial class NotebookRunTests
{
    public static TheoryData<string> Notebooks() => [.. LabNotebooks.Names()];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsWithTheSolutions_WithoutAFailingCell(string name)
    {
        var result = await NotebookExecutions.RunWithSolutionsAsync(name);

        Assert.True(result.Succeeded, $"{name}: {result.Failure}\n{result.Failure?.Error}");
        Assert.Equal(result.Executed.Elements.Count(c => c.KernelName == "csharp"), result.CellsRun);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_ShowsTheExpectedDecisionsGradeAndCharts(string name)
    {
        var result = await NotebookExecutions.RunWithSolutionsAsync(name);
        Assert.True(result.Succeeded, $"{name}: {result.Failure}");
        var notebook = result.Executed;

        // Each "#!lab-simulate ... --expect D" cell shows the decision it expected (the command fails otherwise).
        foreach (var cell in NotebookOutputs.CellsStartingWith(notebook, "#!lab-simulate"))
        {
            var expected = ExpectedOutcome().Match(cell.Contents);
            Assert.True(expected.Success, $"{name}: a simulate cell without --expect: {cell.Contents}");
            var decision = expected.Groups[1].Value == "denied" ? "Deny" : expected.Groups[1].Value;
            Assert.Contains(decision, NotebookOutputs.TextOf(cell), StringComparison.OrdinalIgnoreCase);
        }

        // The grading cell shows full marks for the solution.
        foreach (var cell in NotebookOutputs.CellsStartingWith(notebook, "#!lab-grade"))
        {
            var max = GradeExpectation().Match(cell.Contents).Groups[1].Value;
            Assert.Matches($@"\b{max}\s*/\s*{max}\b", NotebookOutputs.TextOf(cell));
        }

        // Every chart cell drew a Plotly chart, and the first one carries plotly.js itself (offline).
        var chartCells = new[] { "#!lab-timeline", "#!lab-access-graph", "#!lab-matrix" }
            .SelectMany(c => NotebookOutputs.CellsStartingWith(notebook, c)).ToList();
        Assert.NotEmpty(chartCells);
        foreach (var cell in chartCells)
        {
            Assert.Contains("newPlot", NotebookOutputs.TextOf(cell));
        }

        var html = string.Join("\n", NotebookOutputs.Html(notebook));
        Assert.DoesNotMatch(@"<script[^>]+src=""https?://", html);
        Assert.True(html.Length > 1_000_000, $"{name}: the charts' HTML is {html.Length:N0} characters; plotly.js inlined is over a million.");

        // The AWS SDK cells printed what they did, and none printed a line saying that something that should have
        // been refused was not.
        foreach (var cell in notebook.Elements.Where(c => c.Contents.Contains("new AmazonSecurityTokenServiceClient", StringComparison.Ordinal)
                     || c.Contents.Contains("new AmazonS3Client", StringComparison.Ordinal)))
        {
            var stdout = NotebookOutputs.TextOf(cell);
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"{name}: an SDK cell printed nothing");
            Assert.DoesNotContain("should not", stdout);
            Assert.DoesNotContain("would never", stdout);
            Assert.DoesNotContain("too wide", stdout);
            Assert.DoesNotContain("are missing", stdout);
            Assert.DoesNotContain("AWS would refuse", stdout);
        }
    }

    [GeneratedRegex(@"--expect\s+(\S+)")]
    private static partial Regex ExpectedOutcome();

    [GeneratedRegex(@"--expect-score\s+(\d+)")]
    private static partial Regex GradeExpectation();
}
