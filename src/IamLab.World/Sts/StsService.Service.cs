using IamLab.Policy.Evaluation;
using IamLab.World.Authorization;
using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.World.Sts;

public sealed partial class StsService
{
    /// <summary>
    /// A service (<c>ec2.amazonaws.com</c>, <c>lambda.amazonaws.com</c>) assuming a role for a resource it runs:
    /// the trust policy must allow the service principal. Service sessions are not limited by MaxSessionDuration.
    /// <paramref name="context"/> holds the keys the service sends with its call (Lambda: <c>aws:SourceAccount</c>,
    /// <c>aws:SourceArn</c>).
    /// </summary>
    internal IamResult<Session> AssumeRoleAsService(Role role, string servicePrincipal, string sessionName, int durationSeconds, RequestContext? context = null)
    {
        var result = AssumeRoleAsServiceCore(role, servicePrincipal, sessionName, durationSeconds, context);
        RecordService(servicePrincipal, role, sessionName, result);
        return result;
    }

    private IamResult<Session> AssumeRoleAsServiceCore(Role role, string servicePrincipal, string sessionName, int durationSeconds, RequestContext? context)
    {
        var check = PolicyStack.CheckPrincipal(world, servicePrincipal, "sts:AssumeRole", role.Arn, context ?? new RequestContext(), trace: false);
        if (!check.IsAllowed)
        {
            return check.ToError()!;
        }

        return SessionsFull() is { } full
            ? full
            : Issue(role, sessionName, durationSeconds, durationSeconds, servicePrincipal, servicePrincipal, null, SessionTags.None, null);
    }

    /// <summary>
    /// The lab's refusal when the world already keeps <see cref="Limits.WorldLimits.MaxSessions"/> sessions (expired ones
    /// are dropped a day after they expire, so a steady flow of calls never reaches it; a loop minting sessions does).
    /// </summary>
    private IamError? SessionsFull() => world.Data.Sessions.Count >= world.Limits.MaxSessions
        ? Limits.IamQuotas.LabLimit("STS sessions", world.Limits.MaxSessions, nameof(Limits.WorldLimits.MaxSessions))
        : null;
}
