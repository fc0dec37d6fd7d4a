using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Notebooks;

/// <summary>
/// Runs a notebook's code cells in order in a fresh <see cref="LabKernel"/>, writing each cell's outputs into a copy of
/// the notebook, and stops at the first cell that fails or runs longer than the cell timeout.
/// </summary>
/// <remarks>
/// The kernel runs in this process, so its cells see the process's directory as their folder (the setup cell looks for
/// the repository from it, <c>#!lab-scenario</c> for <c>scenarios/</c>), as in VS Code and Jupyter, which start their
/// kernel in the notebook's folder. The runner never changes that directory: the host that owns the process does
/// (<c>iamlab notebook run</c> moves to the notebook's folder for the run).
/// </remarks>
public static class NotebookRunner
{
    /// <summary>The kernel names of cells that are read, not run.</summary>
    private static readonly string[] TextKernels = ["markdown", "md"];

    /// <summary>
    /// The first cell whose kernel the headless host cannot run (only C# and markdown cells are supported), or null.
    /// </summary>
    public static CellFailure? FindUnsupportedCell(InteractiveDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        for (var i = 0; i < notebook.Elements.Count; i++)
        {
            var cell = notebook.Elements[i];
            if (!IsCode(cell) && !IsText(cell))
            {
                return new CellFailure(i, FirstLine(cell.Contents), $"the cell is for the \"{cell.KernelName}\" kernel; the headless host runs only C# (csharp) cells and shows markdown ones.");
            }
        }

        return null;
    }

    /// <summary>Runs the notebook; the input document is left as it was.</summary>
    public static async Task<NotebookRunResult> RunAsync(InteractiveDocument notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        options ??= new NotebookRunOptions();
        var executed = new InteractiveDocument();
        foreach (var (key, value) in notebook.Metadata)
        {
            executed.Metadata[key] = value;
        }

        using var kernel = LabKernel.Create();
        CellFailure? failure = null;
        var order = 0;
        for (var i = 0; i < notebook.Elements.Count; i++)
        {
            var cell = notebook.Elements[i];
            var copy = new InteractiveDocumentElement(cell.Contents, cell.KernelName) { Id = cell.Id };
            foreach (var (key, value) in cell.Metadata ?? new Dictionary<string, object>())
            {
                copy.Metadata ??= new Dictionary<string, object>();
                copy.Metadata[key] = value;
            }

            executed.Add(copy);
            if (failure is not null || !IsCode(cell))
            {
                continue;
            }

            order++;
            copy.ExecutionOrder = order;
            options.OnCellStarting?.Invoke(i, FirstLine(cell.Contents));
            var outputs = await RunCellAsync(kernel, cell.Contents, order, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            copy.Outputs.AddRange(outputs.Snapshot());
            if (outputs.Error is { } error)
            {
                failure = new CellFailure(i, FirstLine(cell.Contents), error);
            }
        }

        return new NotebookRunResult(executed, failure, order);
    }

    private static async Task<CellOutputs> RunCellAsync(CompositeKernel kernel, string code, int order, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outputs = new CellOutputs();
        var command = new SubmitCode(code, LabKernel.CSharp);
        using var subscription = kernel.KernelEvents.Subscribe(e =>
        {
            // Events of the cell's own command and of the commands it caused (e.g. a magic command's inner submissions).
            if (IsFrom(e.Command, command))
            {
                outputs.Add(e, order);
            }
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = kernel.SendAsync(command, stop.Token);
        var finished = await Task.WhenAny(run, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (finished != run)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            outputs.Fail($"the cell did not finish within {timeout.TotalSeconds:0} s.");
            return outputs;
        }

        await run.ConfigureAwait(false);
        return outputs;
    }

    private static bool IsFrom(KernelCommand? command, SubmitCode cell)
    {
        for (var c = command; c is not null; c = c.Parent)
        {
            if (ReferenceEquals(c, cell))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCode(InteractiveDocumentElement cell) =>
        string.IsNullOrEmpty(cell.KernelName) || string.Equals(cell.KernelName, LabKernel.CSharp, StringComparison.OrdinalIgnoreCase)
        || cell.KernelName is "c#" or "C#" or "cs";

    private static bool IsText(InteractiveDocumentElement cell) =>
        TextKernels.Contains(cell.KernelName, StringComparer.OrdinalIgnoreCase);

    /// <summary>The first non-blank line of a cell, trimmed and cut to 80 characters.</summary>
    public static string FirstLine(string contents)
    {
        var line = (contents ?? string.Empty).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        return line.Length > 80 ? line[..77] + "..." : line;
    }
}
