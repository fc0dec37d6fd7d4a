namespace IamLab.Cli.Grading;

/// <summary>How <c>iamlab grade</c> picks the hint level: the level asked for with <c>--hint-level</c>, else the attempts counted so far.</summary>
/// <param name="Level">The level asked for, or null to follow the attempts (and count this one).</param>
/// <param name="Attempts">The failed attempts kept outside the submission.</param>
internal sealed record HintChoice(int? Level, HintAttempts Attempts);
