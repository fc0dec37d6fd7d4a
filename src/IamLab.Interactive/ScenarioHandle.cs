using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;
using IamLab.World;

namespace IamLab.Interactive;

/// <summary>
/// A started scenario as the commands see it: the scenario, its files (name and validator kind) with their starter
/// texts, and the grader's session that builds its world and signs its federation tokens.
/// </summary>
internal sealed class ScenarioHandle(Scenario scenario, ScenarioSession session, IReadOnlyDictionary<string, string> starterTexts) : IDisposable
{
    public Scenario Scenario { get; } = scenario;

    public ScenarioSession Session { get; } = session;

    public string Id => Scenario.Id;

    public IReadOnlyDictionary<string, string> FileKinds { get; } = scenario.Files.ToDictionary(f => f.Name, f => f.KindName, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> StarterTexts { get; } = starterTexts;

    /// <summary>The texts to grade or build with: each file's policy cell, or its starter text when no cell wrote it.</summary>
    public Dictionary<string, string> Submission(IReadOnlyDictionary<string, string> cells) =>
        FileKinds.Keys.ToDictionary(f => f, f => cells.TryGetValue(f, out var text) ? text : StarterTexts.GetValueOrDefault(f, string.Empty), StringComparer.Ordinal);

    /// <summary>The scenario's world with <paramref name="cells"/> in place, or SCENARIO_INVALID with the reason.</summary>
    public LabWorld BuildWorld(IReadOnlyDictionary<string, string> cells)
    {
        var (world, error) = Session.BuildWorld(Submission(cells), Scenario.Directory);
        return world ?? throw new LabCommandException(ErrorCodes.ScenarioInvalid, $"The {Id} world cannot be built: {error}");
    }

    public void Dispose() => Session.Dispose();
}
