namespace IamLab.Scenarios.Grading;

/// <summary>Why a world could not be built: the message, and the learner's file to blame (null when the scenario is at fault).</summary>
internal sealed record WorldBuildError(string Message, string? File);
