using IamLab.Interactive.Tests.Notebooks;
using IamLab.Notebooks;

namespace IamLab.Interactive.Tests.Repl;

/// <summary>
/// A notebook runs in a real notebook host: <c>dotnet-repl</c> 0.3.259, the local tool of the repository's
/// manifest (.config/dotnet-tools.json; <c>dotnet tool restore</c> installs it), with its charts.
/// </summary>
/// <remarks>
/// dotnet-repl runs on Microsoft.NETCore.App alone; the extension starts the lab endpoint (ASP.NET Core) in a load
/// context of its own there, so the notebook's AWS SDK cells run too.
/// </remarks>
[Collection(NotebookKernels.Name)]
public sealed class DotnetReplTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task StartHere_RunsInDotnetRepl_WithoutAFailingCell_AndDrawsItsCharts()
    {
        const string name = "00-start-here.ipynb";
        var folder = RepositoryPaths.Artifacts("repl");
        var input = Path.Combine(folder, "input-" + name);
        var output = Path.Combine(folder, name);
        File.Delete(output);
        NotebookFile.Write(LabNotebooks.WithSolutions(name), input);

        // Started from notebooks/, like a learner would: the tool manifest is found above it, and so is Lab.sln,
        // from which the first cell finds artifacts/packages.
        var run = await ChildProcess.RunAsync(
            "dotnet",
            ["tool", "run", "dotnet-repl", "--", "--run", input, "--exit-after-run", "--output-path", output, "--output-format", "ipynb"],
            RepositoryPaths.Notebooks,
            Limit);

        Assert.False(run.TimedOut, $"dotnet-repl did not finish within {Limit.TotalMinutes} minutes.\n{Tail(run.Output)}\n{Tail(run.Error)}");
        Assert.True(File.Exists(output), $"dotnet-repl wrote no notebook (exit {run.ExitCode}).\n{Tail(run.Output)}\n{Tail(run.Error)}");
        Assert.True(NotebookFile.TryRead(output, out var executed, out var problem), problem);
        var errors = executed.Elements
            .SelectMany((cell, index) => cell.Outputs.OfType<Microsoft.DotNet.Interactive.Documents.ErrorElement>().Select(e => $"cell {index} ({NotebookRunner.FirstLine(cell.Contents)}): {e.ErrorValue}"))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(0, run.ExitCode);

        var charts = new[] { "#!lab-timeline", "#!lab-access-graph", "#!lab-matrix" }
            .SelectMany(c => NotebookOutputs.CellsStartingWith(executed, c)).ToList();
        Assert.Equal(3, charts.Count);
        Assert.All(charts, cell => Assert.Contains("newPlot", NotebookOutputs.TextOf(cell)));
        Assert.Contains(NotebookOutputs.Html(executed), html => html.Contains("plotly.js v", StringComparison.Ordinal) || html.Length > 1_000_000);

        // The AWS SDK cell talked to the endpoint that #!lab-endpoint started inside dotnet-repl's process.
        var sdk = Assert.Single(executed.Elements, c => c.Contents.Contains("new AmazonS3Client", StringComparison.Ordinal));
        Assert.Contains("GetObject my-bucket/reports/q1.csv as the role: HTTP 200", NotebookOutputs.TextOf(sdk));
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];
}
