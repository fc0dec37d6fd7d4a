namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>
/// The tests that run kernels: never in parallel with any other test, because the kernel's formatters, the
/// current directory and the process's environment variables (set by #!lab-endpoint) are process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookKernels
{
    public const string Name = "Notebook kernels";
}
