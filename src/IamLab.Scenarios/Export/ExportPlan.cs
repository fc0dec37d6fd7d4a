namespace IamLab.Scenarios.Export;

/// <summary>
/// What an export will write and what it leaves out, decided before anything is written (so that a refused export
/// writes nothing).
/// </summary>
/// <param name="ScenarioIds">The scenarios exported, in the learning order.</param>
/// <param name="Files">Every file of the learner repository.</param>
/// <param name="LeftOut">Every part of the lab the learners do not get, with the reason.</param>
/// <param name="Problems">Why the export cannot be made (empty when it can).</param>
public sealed record ExportPlan(
    IReadOnlyList<string> ScenarioIds,
    IReadOnlyList<ExportFile> Files,
    IReadOnlyList<LeftOutItem> LeftOut,
    IReadOnlyList<ExportProblem> Problems);
