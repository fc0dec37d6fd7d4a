using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>
/// Runs a notebook as a host does (as <c>iamlab notebook run</c> does): in the notebook's folder, which the runner leaves to
/// its host, and back to the test's folder after. Callers serialize runs: the process's directory is shared.
/// </summary>
internal static class InNotebookFolder
{
    public static async Task<NotebookRunResult> RunAsync(string folder, InteractiveDocument notebook, NotebookRunOptions? options = null)
    {
        var caller = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            return await NotebookRunner.RunAsync(notebook, options);
        }
        finally
        {
            Directory.SetCurrentDirectory(caller);
        }
    }
}
