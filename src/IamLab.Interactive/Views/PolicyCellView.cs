using IamLab.Policy.Diagnostics;

namespace IamLab.Interactive.Views;

/// <summary>A policy cell after validation: the file it writes, the document kind, the text and the findings.</summary>
public sealed record PolicyCellView(string File, string Kind, string Text, IReadOnlyList<Diagnostic> Findings)
{
    /// <summary>True when a finding is an ERROR (the cell then fails and the text is not kept).</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>Where the outcome went: "kept as FILE", "not kept", ...</summary>
    public string? Outcome { get; init; }
}
