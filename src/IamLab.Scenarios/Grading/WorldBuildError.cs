namespace IamLab.Scenarios.Grading;

/// <summary>
/// Why a world could not be built: the message, and the learner's file to blame (null when the scenario is at fault), with
/// the line and column IAM's refusal points at and the grader's code for it (<see cref="GradingCodes.WorldRejected"/> when null).
/// </summary>
internal sealed record WorldBuildError(string Message, string? File, int Line = 1, int Column = 1, string? Code = null)
{
    /// <summary><paramref name="path"/> with the line and column when IAM's refusal points at one (a role-settings request), else the path alone.</summary>
    public string Where(string path) => Code is null ? path : $"{path}:{Line}:{Column}";
}
