using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Notebooks;

/// <summary>What running a notebook gave: the notebook with its outputs, and the cell that failed, if one did.</summary>
/// <param name="Executed">The notebook with every run cell's outputs and execution order filled in.</param>
/// <param name="Failure">The first failing cell; null when every cell ran.</param>
/// <param name="CellsRun">How many code cells ran (the failing one included).</param>
public sealed record NotebookRunResult(InteractiveDocument Executed, CellFailure? Failure, int CellsRun)
{
    /// <summary>True when every code cell ran without an error.</summary>
    public bool Succeeded => Failure is null;
}
