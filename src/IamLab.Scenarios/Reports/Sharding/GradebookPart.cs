
namespace IamLab.Scenarios.Reports.Sharding;

/// <summary>One part read back: where it came from, its scenario, maximum score, share (1/1 when unsharded) and entries.</summary>
/// <param name="Path">The gradebook.json it was read from.</param>
/// <param name="Scenario">The scenario graded.</param>
/// <param name="MaxScore">The maximum score.</param>
/// <param name="Shard">The share it holds.</param>
/// <param name="Entries">Its submissions.</param>
public sealed record GradebookPart(string Path, string Scenario, int MaxScore, ShardSpec Shard, IReadOnlyList<GradebookEntry> Entries);
