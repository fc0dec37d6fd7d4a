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
    /// </summary>
    internal IamResult<Session> AssumeRoleAsService(Role role, string servicePrincipal, string sessionName, int durationSeconds)
    {
        var result = AssumeRoleAsServiceCore(role, servicePrincipal, sessionName, durationSeconds);
        RecordService(servicePrincipal, role, sessionName, result);
        return result;
    }

    private IamResult<Session> AssumeRoleAsServiceCore(Role role, string servicePrincipal, string sessionName, int durationSeconds)
    {
        var check = PolicyStack.CheckPrincipal(world, servicePrincipal, "sts:AssumeRole", role.Arn, new RequestContext(), trace: false);
        if (!check.IsAllowed)
        {
            return check.ToError()!;
        }

        return Issue(role, sessionName, durationSeconds, durationSeconds, servicePrincipal, servicePrincipal, null, SessionTags.None, null);
    }
}
