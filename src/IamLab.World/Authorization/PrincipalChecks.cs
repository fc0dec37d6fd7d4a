using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.World.Authorization;

/// <summary>
/// Authorizes a request as a principal named by its ARN, without credentials, over the same policy stack as
/// <see cref="LabWorld.Authorize"/>: for "may alice do this?", the access graph's "who may assume whom" and decision
/// matrices. Users and roots get their identity side; a role ARN stands for a session of that role (its policies and
/// boundary, no session policy); an assumed-role ARN of a live session is that session; service principals, identity
/// provider ARNs and <c>anonymous</c> have no identity policies.
/// </summary>
public static class PrincipalChecks
{
    /// <summary>Decides <paramref name="action"/> on <paramref name="resource"/> for <paramref name="principal"/>; NoSuchEntity when the world holds no such user, role or session.</summary>
    public static IamResult<AccessCheck> AuthorizeAs(this LabWorld world, string principal, string action, string resource, RequestContext? context = null,
        bool trace = true)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(principal);
        var caller = Identify(world, principal);
        if (caller is null)
        {
            return PolicyStack.CheckPrincipal(world, principal, action, resource, context?.Clone() ?? new RequestContext(), trace);
        }

        return caller.IsSuccess ? PolicyStack.Check(world, caller.Value, action, resource, context, trace) : caller.Forward<AccessCheck>();
    }

    // Null for principals without identity policies (services, providers, anonymous).
    private static IamResult<CallerIdentity>? Identify(LabWorld world, string principal)
    {
        if (world.Data.Accounts.TryGetValue(principal, out var byId))
        {
            return new CallerIdentity(byId.RootArn, byId.Id, byId.Id, null, null);
        }

        if (Arn.TryParse(principal) is not { Service: "iam" or "sts" } arn || arn.ResourceType is "saml-provider" or "oidc-provider")
        {
            return null;
        }

        var missing = new IamError("NoSuchEntity", $"The entity {principal} cannot be found.", 404);
        if (!world.Data.Accounts.TryGetValue(arn.Account, out var account))
        {
            return missing;
        }

        var name = arn.Name;
        if (arn.Resource == "root")
        {
            return new CallerIdentity(account.RootArn, account.Id, account.Id, null, null);
        }

        if (arn.ResourceType == "user")
        {
            return account.Users.TryGetValue(name, out var user) && user.Arn == principal
                ? new CallerIdentity(user.Arn, account.Id, user.UserId, user, null)
                : missing;
        }

        if (arn.ResourceType == "role")
        {
            if (!account.Roles.TryGetValue(name, out var role))
            {
                return missing;
            }

            // A session of the role that is never stored: the role's own policies apply, with the role's ARN as the caller.
            var now = world.Now;
            var session = new Session
            {
                AccountId = role.AccountId,
                RoleName = role.Name,
                RoleArn = role.Arn,
                Arn = role.Arn,
                AssumedRoleId = role.RoleId,
                Start = now,
                Expiration = now.AddHours(1),
            };
            return new CallerIdentity(role.Arn, role.AccountId, role.RoleId, null, session);
        }

        if (arn.ResourceType == "assumed-role")
        {
            var live = world.Data.Sessions.Values.Where(s => s.Arn == principal && s.Expiration > world.Now).MaxBy(s => s.Start);
            return live is null ? missing : new CallerIdentity(live.Arn, live.AccountId, live.AssumedRoleId, null, live);
        }

        return missing;
    }
}
