namespace IamLab.Scenarios.Grading;

/// <summary>How a check ended.</summary>
public enum CheckStatus
{
    /// <summary>The outcome was the expected one.</summary>
    Pass,
    /// <summary>The outcome was not the expected one.</summary>
    Fail,
    /// <summary>The check did not run: a file of the submission has an ERROR finding.</summary>
    NotRun,
    /// <summary>The check could not run because the scenario itself is wrong (a bug for the scenario's author).</summary>
    Error,
    /// <summary>
    /// The outcome was the expected one, but a check this one requires did not pass, so it earns no points (a refusal is
    /// worth points only when the access it protects works).
    /// </summary>
    Unearned,
}
