using System.CommandLine;
using System.Globalization;
using IamLab.Notebooks;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab notebook run</c>: runs a notebook headless, cell by cell, in the lab's own notebook host.</summary>
internal static class NotebookCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb notebook to run." };
        var outputPath = new Option<string?>("--output") { Description = "Write the executed notebook (with its outputs) to this .ipynb file." };
        var timeout = new Option<int>("--cell-timeout")
        {
            Description = "Seconds one cell may run (restoring packages included) before the run stops with that cell failed.",
            DefaultValueFactory = _ => 180,
        };
        var run = new Command("run", "Run every C# cell of a notebook in order; exit 1 naming the first cell that fails, 2 when the notebook cannot be read.")
        {
            notebook, outputPath, timeout,
        };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                await error.WriteLineAsync($"iamlab notebook run: --cell-timeout must be a positive number of seconds, not {seconds}.").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await RunAsync(parse.GetValue(notebook)!, parse.GetValue(outputPath), TimeSpan.FromSeconds(seconds), output, error, cancellationToken).ConfigureAwait(false);
        });
        return new Command("notebook", "Work with the lab's notebooks without VS Code or Jupyter, and build them (and the labs/ apps) from their sources.") { run, NotebookBuildCommand.Build(output, error) };
    }

    private static async Task<int> RunAsync(string path, string? outputPath, TimeSpan cellTimeout, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!NotebookFile.TryRead(path, out var document, out var problem))
        {
            await error.WriteLineAsync($"iamlab notebook run: {problem}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        if (NotebookRunner.FindUnsupportedCell(document) is { } unsupported)
        {
            await error.WriteLineAsync($"iamlab notebook run: {path}: cell {unsupported.CellIndex} (\"{unsupported.FirstLine}\"): {unsupported.Error}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        // Resolved before the run moves to the notebook's folder, so that a relative --output means the caller's folder.
        var target = outputPath is null ? null : Path.GetFullPath(outputPath);
        var options = new NotebookRunOptions
        {
            CellTimeout = cellTimeout,
            OnCellStarting = (index, firstLine) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cell {index}: {firstLine}")),
        };

        // The kernel runs in this process and its cells resolve paths against the process's directory, which VS Code and
        // Jupyter set to the notebook's folder when they start a kernel: this command owns the process, so it does the same
        // for the run (the notebook runner, a library, never changes it) and moves back after.
        var caller = Directory.GetCurrentDirectory();
        NotebookRunResult result;
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            result = await NotebookRunner.RunAsync(document, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.SetCurrentDirectory(caller);
        }

        if (target is not null)
        {
            try
            {
                NotebookFile.Write(result.Executed, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                await error.WriteLineAsync($"iamlab notebook run: {target}: cannot write the executed notebook: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
        }

        if (result.Failure is { } failure)
        {
            await error.WriteLineAsync($"iamlab notebook run: {path}: {failure}").ConfigureAwait(false);
            if (failure.Error.TrimEnd().Contains('\n', StringComparison.Ordinal))
            {
                await error.WriteLineAsync(failure.Error.TrimEnd()).ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }

        await output.WriteLineAsync($"{path}: {result.CellsRun} code cell(s) ran without an error{(target is null ? "." : $"; executed notebook written to {target}.")}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
