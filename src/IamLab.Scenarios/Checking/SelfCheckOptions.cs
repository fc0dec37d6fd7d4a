using IamLab.Scenarios.Grading;

namespace IamLab.Scenarios.Checking;

/// <summary>What <see cref="ScenarioSelfCheck"/> does beyond its fixed assertions.</summary>
public sealed record SelfCheckOptions
{
    /// <summary>
    /// Output formats, besides the library's json, junit, markdown and annotations, in which no hidden check's request may
    /// appear (the CLI adds its text report).
    /// </summary>
    public IReadOnlyList<Func<GradeReport, string>> Renderers { get; init; } = [];

    /// <summary>Whether to mutate the solution and fail on undeclared surviving mutants (on by default).</summary>
    public bool Mutants { get; init; } = true;
}
