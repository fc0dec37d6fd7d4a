using System.Globalization;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Accounts;
using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.World.Authorization;

/// <summary>
/// Builds the whole policy stack for one request (the caller's identity policies, boundary and session
/// policies, the SCPs of its account's path in the organization, the resource's policy and the RCPs of the
/// resource's account), adds the world's facts to the context, and asks the engine.
/// </summary>
internal static class PolicyStack
{
    // The services whose resources RCPs govern, per the Organizations documentation.
    private static readonly HashSet<string> RcpServices = new(StringComparer.OrdinalIgnoreCase) { "s3", "sts", "sqs", "kms", "secretsmanager" };

    public static AccessCheck Check(LabWorld world, CallerIdentity caller, string action, string resource, RequestContext? context, bool trace)
    {
        var identity = new List<PolicyDocument>();
        PolicyDocument? boundary = null;
        List<PolicyDocument>? session = null;
        var facts = context?.Clone() ?? new RequestContext();
        var account = world.Data.Accounts[caller.Account];
        if (caller.User is { } user)
        {
            AddManaged(world, identity, user.AttachedPolicyArns);
            identity.AddRange(user.InlinePolicies.Values.Select(p => p.Document));
            foreach (var groupName in user.Groups)
            {
                if (account.Groups.TryGetValue(groupName, out var group))
                {
                    AddManaged(world, identity, group.AttachedPolicyArns);
                    identity.AddRange(group.InlinePolicies.Values.Select(p => p.Document));
                }
            }

            boundary = BoundaryOf(world, user.PermissionsBoundaryArn);
            facts.Set("aws:username", user.Name);
            facts.Set("aws:userid", user.UserId);
            SetTags(facts, user.Tags);
        }
        else if (caller.Session is { } s)
        {
            if (account.Roles.TryGetValue(s.RoleName, out var role))
            {
                AddManaged(world, identity, role.AttachedPolicyArns);
                identity.AddRange(role.InlinePolicies.Values.Select(p => p.Document));
                boundary = BoundaryOf(world, role.PermissionsBoundaryArn);
                SetTags(facts, role.Tags);
            }

            if (s.HasSessionPolicies)
            {
                session = [];
                if (s.InlineSessionPolicy is not null)
                {
                    session.Add(s.InlineSessionPolicy.Document);
                }

                AddManaged(world, session, s.SessionPolicyArns);
            }

            // Session tags override the role's tags of the same key.
            SetTags(facts, s.Tags);
            facts.Set("aws:userid", s.AssumedRoleId);
            facts.Set("aws:TokenIssueTime", Iso(s.Start));
            MfaKeys.AddForSession(facts, s, world.Now);
            if (s.SourceIdentity is not null)
            {
                facts.Set("aws:SourceIdentity", s.SourceIdentity);
            }

            AddInstanceKeys(world, facts, s);
        }

        return Evaluate(world, caller.Arn, caller.Account, identity, boundary, session, action, resource, facts, trace);
    }

    /// <summary>
    /// The keys AWS adds to every request signed with an instance profile's credentials (IAM User Guide, "AWS global
    /// condition context keys": <c>ec2:SourceInstanceARN</c>, <c>aws:Ec2InstanceSourceVpc</c>,
    /// <c>aws:Ec2InstanceSourcePrivateIPv4</c>). They travel with the credentials, wherever they are used from: a policy
    /// tells stolen credentials apart by comparing them with the request's network keys (<c>aws:SourceVpc</c>,
    /// <c>aws:VpcSourceIp</c>), which only a request made from inside the VPC carries.
    /// </summary>
    private static void AddInstanceKeys(LabWorld world, RequestContext facts, Session session)
    {
        // INVARIANT: EC2 names an instance's role session after the instance (ComputeService.Associate).
        if (session.Source != "ec2.amazonaws.com" || !world.Data.Instances.TryGetValue(session.SessionName, out var instance))
        {
            return;
        }

        facts.Set("ec2:SourceInstanceARN", world.Compute.InstanceArn(instance));
        facts.Set("aws:Ec2InstanceSourceVpc", world.Compute.VpcOf(instance));
        facts.Set("aws:Ec2InstanceSourcePrivateIPv4", instance.PrivateIpAddress);
    }

    /// <summary>For callers without identity policies: a service principal or an identity provider's ARN.</summary>
    public static AccessCheck CheckPrincipal(LabWorld world, string principal, string action, string resource, RequestContext context, bool trace) =>
        Evaluate(world, principal, null, [], null, null, action, resource, context, trace);

    private static AccessCheck Evaluate(LabWorld world, string principal, string? callerAccount, List<PolicyDocument> identity, PolicyDocument? boundary,
        List<PolicyDocument>? session, string action, string resource, RequestContext context, bool trace)
    {
        var now = world.Now;
        context.Set("aws:CurrentTime", Iso(now));
        context.Set("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var (resourcePolicy, resourceAccount) = ResourcePolicyOf(world, action, resource);
        if (resourceAccount is not null)
        {
            context.Set("aws:ResourceAccount", resourceAccount);
        }

        var org = world.Data.Organization;
        if (org is not null && callerAccount is not null && InOrganization(world, callerAccount))
        {
            context.Set("aws:PrincipalOrgID", org.Id);
        }

        var service = action.Split(':')[0];
        var policies = new PolicySet
        {
            IdentityPolicies = identity,
            PermissionsBoundary = boundary,
            SessionPolicies = session,
            ResourcePolicy = resourcePolicy,
            ServiceControlPolicies = callerAccount is null ? null : Levels(world, callerAccount, a => a.ServiceControlPolicies, u => u.ServiceControlPolicies),
            ResourceControlPolicies = resourceAccount is null || !RcpServices.Contains(service)
                ? null
                : Levels(world, resourceAccount, a => a.ResourceControlPolicies, u => u.ResourceControlPolicies),
        };
        var request = new AuthorizationRequest(principal, action, resource, context, resourceAccount);
        var collector = new EvaluationCollector(trace);
        var result = Authorizer.Authorize(request, policies, collector);
        var within = callerAccount is not null && resourceAccount is not null
            && (callerAccount == resourceAccount || (InOrganization(world, callerAccount) && InOrganization(world, resourceAccount)));
        return new AccessCheck(request, result, collector, policies) { WithinAccountOrOrganization = within };
    }

    private static (PolicyDocument? Policy, string? Account) ResourcePolicyOf(LabWorld world, string action, string resource)
    {
        if (Arn.TryParse(resource) is { Partition: "aws", Service: "s3", Region: "", Account: "" } s3)
        {
            var name = s3.ResourceType;
            return world.Data.Buckets.TryGetValue(name, out var bucket) ? (bucket.Policy?.Document, bucket.AccountId) : (null, null);
        }

        if (action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && world.FindRole(resource) is { } role)
        {
            return (role.TrustPolicy.Document, role.AccountId);
        }

        return (null, null);
    }

    /// <summary>The SCP levels (root, OUs, account) that restrict <paramref name="accountId"/>, or null when none do.</summary>
    public static IReadOnlyList<IReadOnlyList<PolicyDocument>>? ServiceControlPoliciesOf(LabWorld world, string accountId) =>
        Levels(world, accountId, a => a.ServiceControlPolicies, u => u.ServiceControlPolicies);

    private static bool InOrganization(LabWorld world, string accountId) =>
        world.Data.Accounts.TryGetValue(accountId, out var account) && account.OrganizationalUnitId is not null;

    private static List<IReadOnlyList<PolicyDocument>>? Levels(LabWorld world, string accountId,
        Func<Account, List<PolicyText>> ofAccount, Func<OrganizationalUnit, List<PolicyText>> ofUnit)
    {
        var org = world.Data.Organization;
        if (org is null || !world.Data.Accounts.TryGetValue(accountId, out var account) || account.OrganizationalUnitId is null
            || org.ManagementAccountId == accountId)
        {
            // Accounts outside the organization, and its management account, are not restricted by SCPs or RCPs.
            return null;
        }

        var levels = org.PathTo(account.OrganizationalUnitId)
            .Select(u => (IReadOnlyList<PolicyDocument>)ofUnit(u).Select(p => p.Document).ToList())
            .ToList();
        levels.Add(ofAccount(account).Select(p => p.Document).ToList());
        return levels;
    }

    private static void AddManaged(LabWorld world, List<PolicyDocument> into, IEnumerable<string> arns)
    {
        foreach (var arn in arns)
        {
            if (world.FindPolicy(arn) is { } policy)
            {
                into.Add(policy.Document.Document);
            }
        }
    }

    private static PolicyDocument? BoundaryOf(LabWorld world, string? arn) => arn is null ? null : world.FindPolicy(arn)?.Document.Document;

    private static void SetTags(RequestContext context, IEnumerable<Tag> tags)
    {
        foreach (var tag in tags)
        {
            context.Set($"aws:PrincipalTag/{tag.Key}", tag.Value);
        }
    }

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
