namespace IamLab.Notebooks;

/// <summary>The cell that stopped a run: its index among all cells (from 0), its first line and the error.</summary>
/// <param name="CellIndex">The index of the cell in the notebook, counting markdown cells, from 0.</param>
/// <param name="FirstLine">The cell's first non-blank line, to find it by eye.</param>
/// <param name="Error">The error as the kernel reported it (compiler diagnostics or the exception's message).</param>
public sealed record CellFailure(int CellIndex, string FirstLine, string Error)
{
    /// <summary>One line naming the cell and the first line of the error.</summary>
    public override string ToString()
    {
        var firstErrorLine = Error.Split('\n', 2)[0].TrimEnd('\r');
        return $"cell {CellIndex} (\"{FirstLine}\") failed: {firstErrorLine}";
    }
}
