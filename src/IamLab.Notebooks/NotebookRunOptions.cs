namespace IamLab.Notebooks;

/// <summary>How a notebook is run headless.</summary>
public sealed class NotebookRunOptions
{
    /// <summary>The longest one cell may run before the run stops with that cell failed (restoring packages included).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The folder relative paths in cells are resolved against (e.g. <c>#i "nuget:../artifacts/packages"</c>), as VS Code
    /// does with the notebook's own folder. Null leaves the current directory as it is.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Called before each code cell runs, with its index and first line (for progress output).</summary>
    public Action<int, string>? OnCellStarting { get; init; }
}
