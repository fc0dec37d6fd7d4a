namespace IamLab.Scenarios.Model;

/// <summary>
/// One check: a single request, a list of steps (STS calls, service credentials, requests), or a list of security
/// findings that must be absent; with the expected outcome, a weight and a hint.
/// </summary>
public sealed record CheckSpec
{
    /// <summary>The name, unique within the scenario and its hidden checks.</summary>
    public required string Name { get; init; }

    /// <summary>Points for passing.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>
    /// What to do when it fails, in one to three levels ordered nudge, concept, answer; the grader shows one more level
    /// per failed attempt.
    /// </summary>
    public required IReadOnlyList<string> Hints { get; init; }

    /// <summary>The first level of the hint (the nudge).</summary>
    public string Hint => Hints[0];

    /// <summary>The hint at <paramref name="level"/> (1 is the first); a level past the last gives the last.</summary>
    public string HintAt(int level) => Hints[Math.Clamp(level, 1, Hints.Count) - 1];

    /// <summary>
    /// The checks that must pass in the same grading for this one to earn its points (a "must be refused" check names
    /// the "must work" checks of the access it protects).
    /// </summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>For a hidden check: the sentence of the scenario README's task that the check tests, quoted verbatim.</summary>
    public string? Tests { get; init; }

    /// <summary>The learner's file the check is about, if named.</summary>
    public string? File { get; init; }

    /// <summary>The world's clock for this check, if set.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The steps (a single request is one step with a principal).</summary>
    public IReadOnlyList<StepSpec> Steps { get; init; } = [];

    /// <summary>For a <c>noFindings</c> check, the finding codes that must be absent.</summary>
    public IReadOnlyList<string> NoFindings { get; init; } = [];

    /// <summary>For an attack check, the learner's attack file whose chain (then the challenge's goal) the check runs.</summary>
    public string? Attack { get; init; }

    /// <summary>For an attack check: true to run it in the challenge's fixed world instead of the scenario's world.</summary>
    public bool Fixed { get; init; }

    /// <summary>For a findings check, what the learner's findings must name.</summary>
    public FindingsCheckSpec? Findings { get; init; }

    /// <summary>The expected outcome of the last step (null for a <c>noFindings</c> check).</summary>
    public Expectation? Expect { get; init; }

    /// <summary>True for a check read from a hidden set: its request is never shown.</summary>
    public bool Hidden { get; init; }

    /// <summary>Where the check is written (for messages about the scenario itself).</summary>
    public required SourceSpot Spot { get; init; }
}
