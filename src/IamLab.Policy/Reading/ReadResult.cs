using IamLab.Policy.Diagnostics;
using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>
/// What reading a policy gave: the document (null only when the text is not a JSON object) and every
/// problem found, not just the first.
/// </summary>
public sealed record ReadResult(PolicyDocument? Policy, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when some diagnostic is an ERROR.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
