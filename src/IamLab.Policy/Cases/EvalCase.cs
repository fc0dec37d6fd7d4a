using IamLab.Policy.Diagnostics;
using IamLab.Policy.Evaluation;

namespace IamLab.Policy.Cases;

/// <summary>
/// One case of the case format (docs/case-format.md): a request, the policies that apply, and
/// optionally the expected decision. <see cref="Request"/> is null when the case could not be read.
/// </summary>
public sealed record EvalCase(string Name, AuthorizationRequest? Request, PolicySet Policies, Decision? Expected, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when some diagnostic is an ERROR: the case is then refused rather than decided.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>True when the case expects to be refused (<c>"expected": "refused"</c>).</summary>
    public bool ExpectsRefusal { get; init; }

    /// <summary>Error codes a refused case must report (<c>expectedErrors</c>); empty when not given.</summary>
    public IReadOnlyList<string> ExpectedErrors { get; init; } = [];

    /// <summary>True when the case states any expectation.</summary>
    public bool HasExpectation => Expected is not null || ExpectsRefusal;
}
