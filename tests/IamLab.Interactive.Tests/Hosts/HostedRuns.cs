using System.Collections.Concurrent;
using System.Diagnostics;
using IamLab.Interactive.Tests.Notebooks;
using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Hosts;

/// <summary>
/// Runs the lab's notebooks in the real hosts, each notebook in a fresh host process, and keeps each result for the
/// tests that look at it. The first request for a host and mode queues every notebook of that group, so the runs
/// go on in the background while the tests read the earlier ones; at most <see cref="Parallel"/> host processes run at
/// once (CI machines have two cores, and every run compiles C# cells).
/// </summary>
internal static class HostedRuns
{
    /// <summary>How many host processes may run at once.</summary>
    public const int Parallel = 2;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Slots = new(Parallel, Parallel);
    private static readonly ConcurrentBag<int> FreeSlots = [.. Enumerable.Range(0, Parallel)];
    private static readonly ConcurrentDictionary<(NotebookHost Host, bool Answered, string Name), Lazy<Task<HostedRun>>> Runs = new();

    /// <summary>
    /// The run of <paramref name="notebookName"/> in <paramref name="host"/>: with each exercise cell holding the
    /// scenario's solution and the grading cells insisting on full marks (<paramref name="answered"/>), or as committed.
    /// </summary>
    public static Task<HostedRun> Get(NotebookHost host, bool answered, string notebookName)
    {
        foreach (var name in LabNotebooks.Names())
        {
            _ = Run(host, answered, name);
        }

        return Run(host, answered, notebookName);
    }

    private static Task<HostedRun> Run(NotebookHost host, bool answered, string name) =>
        Runs.GetOrAdd((host, answered, name), key => new Lazy<Task<HostedRun>>(() => Task.Run(() => RunAsync(key.Host, key.Answered, key.Name)))).Value;

    private static Task<HostedRun> RunAsync(NotebookHost host, bool answered, string name) =>
        RunAsync(
            host,
            answered ? LabNotebooks.WithSolutions(name) : LabNotebooks.Read(name),
            $"{(host == NotebookHost.DotnetRepl ? "repl" : "jupyter")}-{(answered ? "solutions" : "unanswered")}",
            name);

    /// <summary>
    /// Runs <paramref name="document"/> in a fresh <paramref name="host"/> process, when a slot is free. The input and the
    /// executed notebook are kept under TestResults/notebooks/<paramref name="folderName"/>/.
    /// </summary>
    public static async Task<HostedRun> RunAsync(NotebookHost host, InteractiveDocument document, string folderName, string name)
    {
        var folder = RepositoryPaths.Artifacts(folderName);
        var input = Path.Combine(folder, "input", name);
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        var output = Path.Combine(folder, name);
        File.Delete(output);
        NotebookFile.Write(document, input);

        await Slots.WaitAsync();
        FreeSlots.TryTake(out var slot);
        var clock = Stopwatch.StartNew();
        try
        {
            var run = host == NotebookHost.DotnetRepl
                ? await ChildProcess.RunAsync(
                    "dotnet",
                    ["tool", "run", "dotnet-repl", "--", "--run", input, "--exit-after-run", "--output-path", output, "--output-format", "ipynb"],
                    RepositoryPaths.Notebooks, // started from notebooks/, as a learner does
                    Limit)
                : await ChildProcess.RunAsync(
                    "jupyter",
                    ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=.net-csharp",
                        "--ExecutePreprocessor.timeout=300", "--output-dir", folder, "--output", name, input],
                    Path.GetDirectoryName(input)!, // Jupyter starts the kernel in the notebook's folder
                    Limit,
                    new Dictionary<string, string> { ["JUPYTER_PATH"] = JupyterKernels.ForSlot(slot) });
            var executed = File.Exists(output) && NotebookFile.TryRead(output, out var read, out _) ? read : null;
            return new HostedRun(name, executed, run.ExitCode, run.TimedOut, Tail(run.Output) + "\n" + Tail(run.Error), clock.Elapsed);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new HostedRun(name, null, -1, false, $"{(host == NotebookHost.Jupyter ? "jupyter" : "dotnet")} could not be started ({e.Message}); .ci/run installs what the notebook host tests need.", clock.Elapsed);
        }
        finally
        {
            FreeSlots.Add(slot);
            Slots.Release();
        }
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];
}
