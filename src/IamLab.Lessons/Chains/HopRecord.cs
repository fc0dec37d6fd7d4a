namespace IamLab.Lessons.Chains;

/// <summary>
/// What the notebook saw when a command made a session: the STS call, the trust statement that allowed it (from the
/// check STS made) and the DurationSeconds asked for (null: the default hour).
/// </summary>
/// <param name="Call">AssumeRole, AssumeRoleWithSAML or AssumeRoleWithWebIdentity.</param>
/// <param name="AllowedBy">The statement of the role's trust policy that allowed the call, e.g. <c>trust policy statement 0 ("AllowDev")</c>; null when STS made no check the notebook saw.</param>
/// <param name="RequestedSeconds">DurationSeconds of the request, or null when none was given.</param>
public sealed record HopRecord(string Call, string? AllowedBy, int? RequestedSeconds);
