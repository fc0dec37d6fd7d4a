namespace IamLab.Scenarios.Model;

/// <summary>
/// One graded exercise, as read from <c>scenarios/&lt;id&gt;/scenario.yaml</c>: the files the learner writes, the world
/// the checks run in, and the checks. Immutable once loaded, so one instance serves a whole class of submissions.
/// </summary>
public sealed record Scenario
{
    /// <summary>The id (the folder name).</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The article section the scenario follows.</summary>
    public string Section { get; init; } = string.Empty;

    /// <summary>One line saying what the learner does.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>The position in the learning path (the article's order); scenarios without one come last.</summary>
    public int? Order { get; init; }

    /// <summary>The estimated duration in minutes, if given.</summary>
    public int? Minutes { get; init; }

    /// <summary>Mutants of the reference solution declared equivalent (see docs/mutation-testing.md).</summary>
    public IReadOnlyList<EquivalentMutant> EquivalentMutants { get; init; } = [];

    /// <summary>The answer explanation (<c>solution/NOTES.md</c>), shown once a submission has full marks; null when absent.</summary>
    public string? Notes { get; init; }

    /// <summary>The world's clock unless a check sets its own.</summary>
    public DateTimeOffset Clock { get; init; } = DefaultClock;

    /// <summary>The files the learner writes.</summary>
    public required IReadOnlyList<ScenarioFile> Files { get; init; }

    /// <summary>Security finding codes that do not apply to this scenario.</summary>
    public IReadOnlyList<string> IgnoreFindings { get; init; } = [];

    /// <summary>The world the checks run in.</summary>
    public required WorldSpec World { get; init; }

    /// <summary>The break-it challenges: an attack file each, its foothold, goal and fixed world.</summary>
    public IReadOnlyList<ChallengeSpec> Challenges { get; init; } = [];

    /// <summary>
    /// The incident: calls made in every build of the world right after it is built, so that its event log holds an attack
    /// for a defender to find (a findings check compares the learner's findings with what these calls recorded).
    /// </summary>
    public IReadOnlyList<StepSpec> Incident { get; init; } = [];

    /// <summary>The checks, in file order.</summary>
    public required IReadOnlyList<CheckSpec> Checks { get; init; }

    /// <summary>The scenario's folder.</summary>
    public required string Directory { get; init; }

    /// <summary>The scenario.yaml path.</summary>
    public string Path => System.IO.Path.Combine(Directory, "scenario.yaml");

    /// <summary>The clock used when a scenario gives none.</summary>
    public static DateTimeOffset DefaultClock { get; } = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
}
