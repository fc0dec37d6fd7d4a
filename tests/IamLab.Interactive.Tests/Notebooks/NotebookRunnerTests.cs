using System.Text.Json.Nodes;
using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Notebooks;

[Collection(NotebookKernels.Name)]
public sealed class NotebookRunnerTests
{
    private static InteractiveDocument Notebook(params (string Kernel, string Code)[] cells)
    {
        var document = new InteractiveDocument();
        foreach (var (kernel, code) in cells)
        {
            document.Add(new InteractiveDocumentElement(code, kernel));
        }

        return document;
    }

    [Fact]
    public async Task RunAsync_CapturesStandardOutputDisplayedAndReturnedValues()
    {
        var result = await NotebookRunner.RunAsync(Notebook(
            ("markdown", "# title"),
            ("csharp", "Console.WriteLine(\"to stdout\");\ndisplay(new { Answer = 42 });\n6 * 7")));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.CellsRun);
        var cell = result.Executed.Elements[1];
        Assert.Equal(1, cell.ExecutionOrder);
        Assert.Contains(cell.Outputs.OfType<TextElement>(), t => t.Name == "stdout" && t.Text.Contains("to stdout"));
        var displayed = Assert.Single(cell.Outputs.OfType<DisplayElement>());
        Assert.Contains("42", displayed.Data["text/html"].ToString());
        Assert.Contains("42", displayed.Data["text/plain"].ToString());
        var returned = Assert.Single(cell.Outputs.OfType<ReturnValueElement>());
        Assert.Contains("42", returned.Data["text/plain"].ToString());
        Assert.Empty(result.Executed.Elements[0].Outputs);
    }

    [Fact]
    public async Task RunAsync_StopsAtTheFirstFailingCell_NamingItsIndexFirstLineAndError()
    {
        var result = await NotebookRunner.RunAsync(Notebook(
            ("csharp", "var x = 1;"),
            ("markdown", "text"),
            ("csharp", "\n// convert\nint y = \"text\";"),
            ("csharp", "Console.WriteLine(\"never\");")));

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(2, failure.CellIndex);
        Assert.Equal("// convert", failure.FirstLine);
        Assert.Contains("CS0029", failure.Error);
        Assert.StartsWith("cell 2 (\"// convert\") failed: ", failure.ToString());
        Assert.Equal(2, result.CellsRun);
        Assert.Contains(result.Executed.Elements[2].Outputs.OfType<ErrorElement>(), e => e.ErrorValue.Contains("CS0029"));
        Assert.Empty(result.Executed.Elements[3].Outputs);
        Assert.Equal(0, result.Executed.Elements[3].ExecutionOrder);
    }

    [Fact]
    public async Task RunAsync_ReportsAnExceptionThrownByACell()
    {
        var result = await NotebookRunner.RunAsync(Notebook(("csharp", "throw new InvalidOperationException(\"the lab is closed\");")));

        Assert.NotNull(result.Failure);
        Assert.Contains("the lab is closed", result.Failure.Error);
    }

    [Fact]
    public async Task RunAsync_StopsACellThatRunsLongerThanTheTimeout()
    {
        var result = await NotebookRunner.RunAsync(
            Notebook(("csharp", "await Task.Delay(System.Threading.Timeout.Infinite);"), ("csharp", "1")),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(2) });

        Assert.NotNull(result.Failure);
        Assert.Equal(0, result.Failure.CellIndex);
        Assert.Equal("the cell did not finish within 2 s.", result.Failure.Error);
        Assert.Equal(1, result.CellsRun);
    }

    [Fact]
    public void FindUnsupportedCell_NamesACellForAnotherKernel()
    {
        var unsupported = NotebookRunner.FindUnsupportedCell(Notebook(("csharp", "1"), ("fsharp", "let x = 1")));

        Assert.NotNull(unsupported);
        Assert.Equal(1, unsupported.CellIndex);
        Assert.Contains("\"fsharp\"", unsupported.Error);
        Assert.Null(NotebookRunner.FindUnsupportedCell(Notebook(("csharp", "1"), ("markdown", "x"))));
    }

    [Theory]
    [InlineData("{ not json", "nb.ipynb: not valid JSON at line 1")]
    [InlineData("[1, 2]", "nb.ipynb: not a Jupyter notebook (no \"cells\" array at the top level).")]
    [InlineData("{\"cells\": 3}", "nb.ipynb: not a Jupyter notebook (no \"cells\" array at the top level).")]
    public void TryParse_RefusesWhatIsNotANotebook(string json, string expectedStart)
    {
        Assert.False(NotebookFile.TryParse(json, "nb.ipynb", out _, out var problem));
        Assert.StartsWith(expectedStart, problem);
    }

    [Fact]
    public void TryRead_NamesAMissingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".ipynb");

        Assert.False(NotebookFile.TryRead(path, out _, out var problem));
        Assert.Equal($"{path}: no such file.", problem);
    }

    [Fact]
    public void ToJson_KeepsTheNotebookMetadataVsCodeWrote()
    {
        var path = Path.Combine(RepositoryPaths.Notebooks, "00-start-here.ipynb");
        Assert.True(NotebookFile.TryRead(path, out var document, out var problem), problem);

        var written = JsonNode.Parse(NotebookFile.ToJson(document))!;

        Assert.Equal(".net-csharp", written["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", written["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal(document.Elements.Count, written["cells"]!.AsArray().Count);
    }
}
