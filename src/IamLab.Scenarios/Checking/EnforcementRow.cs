namespace IamLab.Scenarios.Checking;

/// <summary>
/// One check of a scenario, answered twice: by the lab (its world and engine) and by an endpoint that enforces nothing.
/// </summary>
/// <param name="Check">The check's name.</param>
/// <param name="Expected">What AWS answers, as the check expects it (<c>allowed</c>, <c>denied</c>, <c>error ValidationError</c>, ...).</param>
/// <param name="Lab">What the lab answered (the grader's message for the check).</param>
/// <param name="LabRight">True when the lab answered as AWS does.</param>
/// <param name="EnforcesNothing">What an endpoint that enforces nothing answers: every call succeeds, so <c>allowed</c>.</param>
/// <param name="EnforcesNothingRight">True when that is AWS's answer too.</param>
/// <param name="Why">When the two differ, the AWS rule the lab applied and the other endpoint skips (the check's concept hint); else empty.</param>
public sealed record EnforcementRow(string Check, string Expected, string Lab, bool LabRight, string EnforcesNothing, bool EnforcesNothingRight, string Why)
{
    /// <summary>True when the two endpoints answer differently.</summary>
    public bool Differs => LabRight != EnforcesNothingRight;
}
