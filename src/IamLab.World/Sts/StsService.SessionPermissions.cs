using IamLab.World.Authorization;
using IamLab.World.Errors;

namespace IamLab.World.Sts;

public sealed partial class StsService
{
    /// <summary>
    /// The permissions every AssumeRole* call needs, in the order STS asks for them: the role's own action
    /// (<c>sts:AssumeRole</c>, <c>sts:AssumeRoleWithSAML</c>, <c>sts:AssumeRoleWithWebIdentity</c>), then
    /// <c>sts:TagSession</c> when the call passes session tags and <c>sts:SetSourceIdentity</c> when it carries a source
    /// identity. Both are "permissions-only" actions AWS requires in addition to the operation's own, and for a role
    /// reached through an identity provider its trust policy must allow them for the provider, or the call fails
    /// (IAM User Guide, "Pass session tags in AWS STS", "Permissions required to add session tags"; "Monitor and control
    /// actions taken with assumed roles", "Permissions required to set source identity").
    /// </summary>
    /// <param name="roleAction">The operation's own action.</param>
    /// <param name="passesTags">True when the call passes session tags (parameters, SAML attributes or token claims).</param>
    /// <param name="setsSourceIdentity">True when the request context carries <c>sts:SourceIdentity</c>.</param>
    /// <param name="decide">Decides one action for this caller on this role, over the same request context.</param>
    /// <param name="refuse">The error for the first check that is not allowed.</param>
    /// <param name="checks">Receives every check made, the refusing one last.</param>
    /// <returns>The refusal, or null when every action needed is allowed.</returns>
    private static IamError? RequireSessionPermissions(string roleAction, bool passesTags, bool setsSourceIdentity,
        Func<string, AccessCheck> decide, Func<AccessCheck, IamError> refuse, List<AccessCheck> checks)
    {
        foreach (var action in SessionActions(roleAction, passesTags, setsSourceIdentity))
        {
            var check = decide(action);
            checks.Add(check);
            if (!check.IsAllowed)
            {
                return refuse(check);
            }
        }

        return null;
    }

    private static IEnumerable<string> SessionActions(string roleAction, bool passesTags, bool setsSourceIdentity)
    {
        yield return roleAction;
        if (passesTags)
        {
            yield return "sts:TagSession";
        }

        if (setsSourceIdentity)
        {
            yield return "sts:SetSourceIdentity";
        }
    }
}
