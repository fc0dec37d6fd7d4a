using IamLab.Policy.Diagnostics;
using IamLab.Policy.Evaluation;

namespace IamLab.Policy.Cases;

/// <summary>
/// One case of the case format (docs/case-format.md): a request, the policies that apply, and
/// optionally the expected decision. <see cref="Request"/> is null when the case could not be read.
/// </summary>
public sealed record EvalCase(string Name, AuthorizationRequest? Request, PolicySet Policies, Decision? Expected, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when some diagnostic is an ERROR (the case is still evaluated if it has a request).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
