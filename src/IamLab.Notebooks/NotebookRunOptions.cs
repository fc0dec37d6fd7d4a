namespace IamLab.Notebooks;

/// <summary>How a notebook is run headless.</summary>
public sealed class NotebookRunOptions
{
    /// <summary>The longest one cell may run before the run stops with that cell failed (restoring packages included).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Called before each code cell runs, with its index and first line (for progress output).</summary>
    public Action<int, string>? OnCellStarting { get; init; }
}
