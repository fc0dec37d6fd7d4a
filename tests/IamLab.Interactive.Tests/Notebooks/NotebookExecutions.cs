using System.Collections.Concurrent;
using IamLab.Notebooks;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>
/// Runs each notebook (with its solutions) once per test run, in process, and keeps the result for every test
/// that looks at it (the run tests and the browser test). Runs are serialized: the kernel's formatters and the
/// working directory are process-wide.
/// </summary>
internal static class NotebookExecutions
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRunResult>>> Runs = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static Task<NotebookRunResult> RunWithSolutionsAsync(string notebookName) =>
        Runs.GetOrAdd(notebookName, name => new Lazy<Task<NotebookRunResult>>(() => RunAsync(name))).Value;

    private static async Task<NotebookRunResult> RunAsync(string notebookName)
    {
        var document = LabNotebooks.WithSolutions(notebookName);
        await OneAtATime.WaitAsync();
        try
        {
            var result = await InNotebookFolder.RunAsync(RepositoryPaths.Notebooks, document, new NotebookRunOptions { CellTimeout = TimeSpan.FromMinutes(3) });
            NotebookFile.Write(result.Executed, Path.Combine(RepositoryPaths.Artifacts("executed"), notebookName));
            return result;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
