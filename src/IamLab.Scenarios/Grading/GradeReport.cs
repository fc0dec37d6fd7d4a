namespace IamLab.Scenarios.Grading;

/// <summary>
/// The grade of one submission: the scenario, the score out of the maximum, each check's result, the validator's
/// ERRORs (which fail the submission), its other findings and the security findings.
/// </summary>
public sealed record GradeReport
{
    /// <summary>The scenario id.</summary>
    public required string Scenario { get; init; }

    /// <summary>The scenario's title.</summary>
    public required string Title { get; init; }

    /// <summary>The submission folder as given.</summary>
    public required string Submission { get; init; }

    /// <summary>The checks, the scenario's first and then the hidden ones.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>ERROR findings of the validator: the submission fails and no check runs.</summary>
    public IReadOnlyList<ReportFinding> Errors { get; init; } = [];

    /// <summary>WARNING and SUGGESTION findings of the validator, and the security findings.</summary>
    public IReadOnlyList<ReportFinding> Findings { get; init; } = [];

    /// <summary>The scenario's answer explanation (solution/NOTES.md), present only when the submission has full marks.</summary>
    public string? Notes { get; init; }

    /// <summary>The hint level the checks' hints are shown at (1 nudge, 2 concept, 3 answer).</summary>
    public int HintLevel { get; init; } = 1;

    /// <summary>Points earned.</summary>
    public int Score => Checks.Sum(c => c.Score);

    /// <summary>Points available.</summary>
    public int MaxScore => Checks.Sum(c => c.Weight);

    /// <summary>True when there is no ERROR and every point was earned.</summary>
    public bool FullMarks => Errors.Count == 0 && Score == MaxScore;

    /// <summary>True when there is no ERROR and every check passed.</summary>
    public bool Passed => Errors.Count == 0 && Checks.All(c => c.Status == CheckStatus.Pass);
}
