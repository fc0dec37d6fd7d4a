namespace IamLab.Scenarios.Grading;

/// <summary>
/// The result of one check: status, a message (what was expected and what happened), the hint, the explanation
/// from the engine's trace, and the learner's file and line it points at. For a hidden check the message is generic
/// and the explanation empty: its request is never shown.
/// </summary>
public sealed record CheckResult(string Name, bool Hidden, int Weight, CheckStatus Status, string Message, string Hint,
    IReadOnlyList<string> Explanation, string? File, int Line)
{
    /// <summary>Points earned.</summary>
    public int Score => Status == CheckStatus.Pass ? Weight : 0;

    /// <summary>The status as the results format writes it: pass, fail, notRun, error, unearned.</summary>
    public string StatusName => Status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.NotRun => "notRun",
        CheckStatus.Unearned => "unearned",
        _ => "error",
    };
}
