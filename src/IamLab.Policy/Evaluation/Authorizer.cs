using IamLab.Policy.Matching;

namespace IamLab.Policy.Evaluation;

/// <summary>
/// Decides a request against every policy that applies, in the order and by the rules of AWS's
/// documented policy evaluation logic (see docs/evaluation-logic.md). Never throws for a deny or a bad
/// statement: those are answers.
/// </summary>
public static class Authorizer
{
    /// <summary>
    /// Authorizes <paramref name="request"/> against <paramref name="policies"/>. Without a
    /// <paramref name="collector"/> it stops at the first decisive statement and allocates nothing.
    /// </summary>
    public static AuthorizationResult Authorize(AuthorizationRequest request, PolicySet policies, EvaluationCollector? collector = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policies);
        var caller = request.Caller;
        var scpApplies = policies.ServiceControlPolicies is not null && caller.HasIdentity && !caller.IsServiceLinkedRole;
        var rcpApplies = policies.ResourceControlPolicies is not null && !caller.IsServiceLinkedRole && caller.Kind != PrincipalKind.Service;
        var hasBoundary = policies.PermissionsBoundary is not null;
        var scope = new Scope(request, collector, hasBoundary);

        // 0. What AWS decides whatever the policies say (GetCallerIdentity, AWS-protected resources).
        if (FixedRules.TryDecide(request, out var fixedDecision, out var fixedWhy))
        {
            return scope.Result(fixedDecision, null, fixedDecision == Decision.Allowed ? DenyReason.None : DenyReason.ProtectedResource, fixedWhy);
        }

        // 1. An explicit Deny in any applicable policy decides at once.
        StatementRef? firstDeny = null;
        if (rcpApplies)
        {
            scope.Denies(policies.ResourceControlPolicies!, PolicyKind.ResourceControl, ref firstDeny);
        }

        if (scpApplies)
        {
            scope.Denies(policies.ServiceControlPolicies!, PolicyKind.ServiceControl, ref firstDeny);
        }

        if (policies.ResourcePolicy is not null)
        {
            scope.Denies(policies.ResourcePolicy, new PolicySlot(PolicyKind.Resource, 0, 0), ref firstDeny);
        }

        if (caller.HasIdentity)
        {
            for (var i = 0; i < policies.IdentityPolicies.Count && (firstDeny is null || collector is not null); i++)
            {
                scope.Denies(policies.IdentityPolicies[i], new PolicySlot(PolicyKind.Identity, 0, i), ref firstDeny);
            }

            if (hasBoundary)
            {
                scope.Denies(policies.PermissionsBoundary!, new PolicySlot(PolicyKind.Boundary, 0, 0), ref firstDeny);
            }

            for (var i = 0; policies.SessionPolicies is not null && i < policies.SessionPolicies.Count; i++)
            {
                scope.Denies(policies.SessionPolicies[i], new PolicySlot(PolicyKind.Session, 0, i), ref firstDeny);
            }
        }

        if (firstDeny is not null)
        {
            return scope.Result(Decision.ExplicitDeny, firstDeny, DenyReason.ExplicitDeny, "An explicit Deny matched; a Deny always overrides any Allow.");
        }

        // 2. Every SCP level must allow (RCP levels hold RCPFullAWSAccess, so they never fail to allow).
        StatementRef? scpAllow = null;
        if (scpApplies)
        {
            var levels = policies.ServiceControlPolicies!;
            for (var level = 0; level < levels.Count; level++)
            {
                var found = scope.FirstAllow(levels[level], PolicyKind.ServiceControl, level);
                if (found is null)
                {
                    return scope.Result(Decision.ImplicitDeny, null, DenyReason.ServiceControlPolicy,
                        $"No service control policy at level {level} of the organization allows this action; every level must allow it.");
                }

                scpAllow ??= found;
            }
        }

        // 3. The resource-based policy, then the identity side.
        var grant = PrincipalGrant.None;
        StatementRef? resourceAllow = null;
        if (policies.ResourcePolicy is not null)
        {
            resourceAllow = scope.ResourceAllow(policies.ResourcePolicy, out grant);
        }

        if (!caller.HasIdentity)
        {
            // Services, anonymous callers and identity providers have no identity policies: the resource policy decides.
            return resourceAllow is not null
                ? scope.Allowed(resourceAllow, identity: false, resource: true)
                : scope.Result(Decision.ImplicitDeny, null, DenyReason.ResourcePolicy, policies.ResourcePolicy is null
                    ? "There is no resource-based policy, and this caller has no identity-based policies."
                    : $"The {new PolicySlot(PolicyKind.Resource, 0, 0).Describe(request.IsRoleTrust)} does not allow this caller.");
        }

        // An AWS-owned resource (an AWS managed policy) has no resource-based policy and is offered to every account:
        // the caller's own policies decide, as in its own account.
        var sameAccount = request.IsSameAccount || request.IsAwsOwned;
        var mustGrantExplicitly = request.IsRoleTrust || request.IsKmsKey;
        // A role's trust policy is the exception: even naming the caller directly, the caller's permissions
        // boundary (and session policies) must still allow sts:AssumeRole (id_roles_update-role-trust-policy).
        if (grant == PrincipalGrant.Direct && request.IsRoleTrust)
        {
            grant = PrincipalGrant.Role;
        }

        if (sameAccount && grant == PrincipalGrant.Direct)
        {
            // A grant to the caller's own ARN is not limited by a missing identity allow, a boundary or a session policy.
            return scope.Allowed(resourceAllow, identity: false, resource: true);
        }

        var boundaryAllow = hasBoundary ? scope.FirstAllow(policies.PermissionsBoundary!, new PolicySlot(PolicyKind.Boundary, 0, 0)) : null;
        var sessionAllow = policies.SessionPolicies is null ? null : scope.FirstAllow(policies.SessionPolicies, PolicyKind.Session, 0);
        var boundaryOk = !hasBoundary || boundaryAllow is not null;
        var sessionOk = policies.SessionPolicies is null || sessionAllow is not null;

        if (sameAccount && grant == PrincipalGrant.Role)
        {
            // A grant to the role (not the session) still passes through the session's boundary and session policies.
            if (boundaryOk && sessionOk)
            {
                return scope.Allowed(resourceAllow, identity: false, resource: true);
            }

            return boundaryOk
                ? scope.Result(Decision.ImplicitDeny, null, DenyReason.SessionPolicy, "The resource-based policy allows it only through the permissions of the caller's session, and no session policy allows this action.")
                : scope.Result(Decision.ImplicitDeny, null, DenyReason.PermissionsBoundary, "The resource-based policy allows it, but the caller's permissions boundary does not allow this action.");
        }

        // The root user holds every permission of its account; no identity policy is needed or applies.
        var isRoot = caller.Kind == PrincipalKind.Root;
        var identityAllow = isRoot ? null : scope.FirstAllow(policies.IdentityPolicies, PolicyKind.Identity, 0);
        var identityOk = isRoot || identityAllow is not null;

        if ((!sameAccount || mustGrantExplicitly) && resourceAllow is null)
        {
            var what = request.IsRoleTrust ? "The role's trust policy" : request.IsKmsKey ? "The key policy" : policies.ResourcePolicy is null ? "No resource-based policy" : "The resource-based policy";
            var why = !sameAccount
                ? $"{what} does not allow this caller, and a request across accounts needs both the resource's account and the caller's account to allow it."
                : $"{what} does not allow this caller; it must grant access explicitly, and identity-based policies alone are not enough.";
            if (policies.ResourcePolicy is null && !sameAccount)
            {
                why = "There is no resource-based policy, and a request across accounts needs the resource's account to allow it.";
            }

            return scope.Result(Decision.ImplicitDeny, null, DenyReason.ResourcePolicy, why);
        }

        if (!identityOk)
        {
            return scope.Result(Decision.ImplicitDeny, null, DenyReason.IdentityPolicy, "No identity-based policy allows this action on this resource.");
        }

        if (!boundaryOk)
        {
            return scope.Result(Decision.ImplicitDeny, null, DenyReason.PermissionsBoundary, "An identity-based policy allows it, but the permissions boundary does not.");
        }

        if (!sessionOk)
        {
            return scope.Result(Decision.ImplicitDeny, null, DenyReason.SessionPolicy, "An identity-based policy allows it, but no session policy does; a session can do only what both allow.");
        }

        return scope.Allowed(identityAllow ?? resourceAllow, identity: true, resource: !sameAccount || mustGrantExplicitly);
    }
}
