using System.Text.Json.Nodes;
using Xunit;

namespace IamLab.Cli.Tests;

/// <summary>The CLI tests that run notebook kernels: never in parallel with other tests (process-wide state).</summary>
[CollectionDefinition(NotebookCommandTests.Kernels, DisableParallelization = true)]
public sealed class NotebookKernelGroup
{
}

/// <summary><c>iamlab notebook run</c>: exit statuses, the failing cell named, the executed notebook written.</summary>
[Collection(NotebookCommandTests.Kernels)]
public class NotebookCommandTests
{
    /// <summary>The tests that run a kernel share process-wide state (formatters, current directory): one at a time.</summary>
    public const string Kernels = "notebook kernels";

    private static string Notebook(params (string Kernel, string Source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (kernel, source) in cells)
        {
            array.Add(new JsonObject
            {
                ["cell_type"] = kernel == "markdown" ? "markdown" : "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            });
        }

        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp", ["items"] = new JsonArray() } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return CliRunner.TempFile(notebook.ToJsonString(), ".ipynb");
    }

    [Fact]
    public async Task NotebookRun_AllCellsPass_ExitsZero_AndWritesTheOutputs()
    {
        var path = Notebook(("markdown", "# title"), ("csharp", "var n = 6 * 7;"), ("csharp", "Console.WriteLine($\"n is {n}\");"));
        var output = Path.ChangeExtension(CliRunner.TempFile(string.Empty), ".executed.ipynb");

        var (status, stdout, stderr) = await CliRunner.Run("notebook", "run", path, "--output", output);

        Assert.Equal(0, status);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("cell 2: Console.WriteLine($\"n is {n}\");", stdout, StringComparison.Ordinal);
        Assert.Contains($"{path}: 2 code cell(s) ran without an error; executed notebook written to {output}.", stdout, StringComparison.Ordinal);
        var executed = JsonNode.Parse(File.ReadAllText(output))!;
        var printed = executed["cells"]![2]!["outputs"]![0]!;
        Assert.Equal("stream", printed["output_type"]!.GetValue<string>());
        Assert.Contains("n is 42", printed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(".net-csharp", executed["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotebookRun_CellsReadPathsFromTheNotebooksFolder_AndTheCallersDirectoryIsKept()
    {
        // As in VS Code and Jupyter, a cell's relative path means the notebook's folder; the command moves there for the
        // run (the runner itself never changes the process's directory) and back after, also when a cell fails.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"iamlab-nb-{Guid.NewGuid():N}")).FullName;
        File.WriteAllText(Path.Combine(folder, "beside.txt"), "next to the notebook");
        var path = Path.Combine(folder, "read.ipynb");
        File.Move(Notebook(("csharp", "Console.WriteLine(System.IO.File.ReadAllText(\"beside.txt\"));"), ("csharp", "throw new InvalidOperationException(\"stop\");")), path);
        var output = Path.Combine(folder, "out.ipynb");
        var before = Directory.GetCurrentDirectory();

        var (status, _, stderr) = await CliRunner.Run("notebook", "run", path, "--output", output);

        Assert.Equal(1, status);
        Assert.Contains("cell 1 (\"throw new InvalidOperationException(\"stop\");\") failed", stderr, StringComparison.Ordinal);
        Assert.Contains("next to the notebook", JsonNode.Parse(File.ReadAllText(output))!["cells"]![0]!["outputs"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task NotebookRun_FailingCell_ExitsOne_NamingTheCellAndItsError()
    {
        var path = Notebook(("csharp", "var ok = true;"), ("markdown", "text"), ("csharp", "// the broken one\nthrow new InvalidOperationException(\"no such role\");"), ("csharp", "Console.WriteLine(\"after\");"));

        var (status, stdout, stderr) = await CliRunner.Run("notebook", "run", path);

        Assert.Equal(1, status);
        Assert.Contains($"{path}: cell 2 (\"// the broken one\") failed: System.InvalidOperationException: no such role", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 3", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_TheStartHereNotebook_RunsInTheCliHost_ChartsIncluded()
    {
        // The lab's own first notebook, as a learner without VS Code runs it: the extension package from
        // artifacts/packages, Plotly.NET charts (which need the FSharp.Core 10.1 the CLI carries), the endpoint.
        var notebook = Path.Combine(RepositoryRoot(), "notebooks", "00-start-here.ipynb");
        var output = Path.ChangeExtension(CliRunner.TempFile(string.Empty), ".executed.ipynb");

        var (status, stdout, stderr) = await CliRunner.Run("notebook", "run", notebook, "--output", output);

        Assert.True(status == 0, stderr);
        Assert.Contains("code cell(s) ran without an error", stdout, StringComparison.Ordinal);
        var executed = File.ReadAllText(output);
        Assert.Contains("newPlot", executed, StringComparison.Ordinal);
        Assert.Contains("GetObject my-bucket/reports/q1.csv as the role: HTTP 200", executed, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Lab.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public async Task NotebookRun_MissingFile_ExitsTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.ipynb");

        var (status, _, stderr) = await CliRunner.Run("notebook", "run", path);

        Assert.Equal(2, status);
        Assert.Equal($"iamlab notebook run: {path}: no such file.", stderr.Trim());
    }

    [Fact]
    public async Task NotebookRun_NotANotebook_ExitsTwo()
    {
        var path = CliRunner.TempFile("{\"Version\": \"2012-10-17\"}", ".ipynb");

        var (status, _, stderr) = await CliRunner.Run("notebook", "run", path);

        Assert.Equal(2, status);
        Assert.Equal($"iamlab notebook run: {path}: not a Jupyter notebook (no \"cells\" array at the top level).", stderr.Trim());
    }

    [Fact]
    public async Task NotebookRun_CellForAnotherKernel_ExitsTwo_BeforeRunningAnything()
    {
        var path = Notebook(("csharp", "Console.WriteLine(\"first\");"), ("pwsh", "Get-Date"));

        var (status, stdout, stderr) = await CliRunner.Run("notebook", "run", path);

        Assert.Equal(2, status);
        Assert.Contains("cell 1 (\"Get-Date\"): the cell is for the \"pwsh\" kernel", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cell 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookRun_NonPositiveTimeout_IsAUsageError()
    {
        var (status, _, stderr) = await CliRunner.Run("notebook", "run", Notebook(("csharp", "1")), "--cell-timeout", "0");

        Assert.Equal(2, status);
        Assert.Contains("--cell-timeout must be a positive number of seconds, not 0.", stderr, StringComparison.Ordinal);
    }
}
