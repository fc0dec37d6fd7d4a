using IamLab.Policy.Validation;
using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.World.Accounts;

/// <summary>AWS Organizations in the lab: one organization, OUs, accounts placed in them, SCPs and RCPs attached.</summary>
public sealed class OrganizationsService
{
    private readonly LabWorld world;

    internal OrganizationsService(LabWorld world) => this.world = world;

    /// <summary>The organization, if one was made.</summary>
    public Organization? Organization => world.Data.Organization;

    /// <summary>
    /// CreateOrganization, managed by <paramref name="managementAccountId"/>, which joins its root. AWS picks the
    /// organization's id; a lab world may fix it (<paramref name="organizationId"/>, of AWS's form <c>o-</c> and 10 to 32
    /// lower-case letters or digits) so a lesson can name it in a policy's <c>aws:PrincipalOrgID</c>.
    /// </summary>
    public IamResult<Organization> CreateOrganization(string managementAccountId, string? organizationId = null)
    {
        if (organizationId is not null && !Organization.IsValidId(organizationId))
        {
            // The pattern is the Organizations API Reference's (Organization, Id); the message is the lab's.
            return new IamError("InvalidInputException", $"The organization id \"{organizationId}\" must be o- followed by 10 to 32 lower-case letters or digits.", 400);
        }

        if (world.Data.Organization is not null)
        {
            return new IamError("AlreadyInOrganizationException", "The AWS account is already a member of an organization.", 400);
        }

        if (!world.Data.Accounts.TryGetValue(managementAccountId, out var management))
        {
            return new IamError("AccountNotFoundException", $"You specified an account that doesn't exist: {managementAccountId}", 400);
        }

        var rootId = "r-" + world.Ids.Hex(4);
        var org = new Organization { Id = organizationId ?? "o-" + world.Ids.Hex(10), ManagementAccountId = managementAccountId, RootId = rootId };
        org.Units[rootId] = new OrganizationalUnit { Id = rootId, Name = "Root", ServiceControlPolicies = [new PolicyText(Organization.FullAwsAccess)] };
        world.Data.Organization = org;
        Join(management, rootId);
        world.SyncCounter();
        return org;
    }

    /// <summary>CreateOrganizationalUnit under <paramref name="parentId"/> (the root's id or an OU's).</summary>
    public IamResult<OrganizationalUnit> CreateOrganizationalUnit(string name, string parentId)
    {
        var org = world.Data.Organization;
        if (org is null || !org.Units.ContainsKey(parentId))
        {
            return new IamError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.", 400);
        }

        var unit = org.AddUnit($"ou-{org.RootId[2..]}-{world.Ids.Hex(8)}", name, parentId);
        world.SyncCounter();
        return unit;
    }

    /// <summary>Places an account in a unit (joining the organization if needed), with FullAWSAccess attached to it as AWS does.</summary>
    public IamResult<Done> MoveAccount(string accountId, string unitId)
    {
        var org = world.Data.Organization;
        if (org is null || !org.Units.ContainsKey(unitId))
        {
            return new IamError("DestinationParentNotFoundException", "We can't find the destination container (a root or OU) with the ParentId that you specified.", 400);
        }

        if (!world.Data.Accounts.TryGetValue(accountId, out var account))
        {
            return new IamError("AccountNotFoundException", $"You specified an account that doesn't exist: {accountId}", 400);
        }

        Join(account, unitId);
        return Done.Value;
    }

    /// <summary>AttachPolicy of type SERVICE_CONTROL_POLICY to a root, an OU or an account.</summary>
    public IamResult<Done> AttachServiceControlPolicy(string targetId, string policyJson) => Attach(targetId, policyJson, DocumentKind.ServiceControl);

    /// <summary>AttachPolicy of type RESOURCE_CONTROL_POLICY to a root, an OU or an account.</summary>
    public IamResult<Done> AttachResourceControlPolicy(string targetId, string policyJson) => Attach(targetId, policyJson, DocumentKind.ResourceControl);

    /// <summary>Removes every SCP from a target (to show what an empty level does), keeping nothing.</summary>
    public IamResult<Done> DetachAllServiceControlPolicies(string targetId)
    {
        var list = Target(targetId, DocumentKind.ServiceControl);
        if (list is null)
        {
            return TargetNotFound();
        }

        list.Clear();
        return Done.Value;
    }

    private IamResult<Done> Attach(string targetId, string policyJson, DocumentKind kind)
    {
        var list = Target(targetId, kind);
        if (list is null)
        {
            return TargetNotFound();
        }

        var policy = PolicyCheck.Validate(policyJson, kind);
        if (!policy.IsSuccess)
        {
            return policy.Forward<Done>();
        }

        list.Add(policy.Value);
        return Done.Value;
    }

    private List<PolicyText>? Target(string targetId, DocumentKind kind)
    {
        var scp = kind == DocumentKind.ServiceControl;
        if (world.Data.Organization?.Units.TryGetValue(targetId, out var unit) == true)
        {
            return scp ? unit.ServiceControlPolicies : unit.ResourceControlPolicies;
        }

        return world.Data.Accounts.TryGetValue(targetId, out var account) && account.OrganizationalUnitId is not null
            ? (scp ? account.ServiceControlPolicies : account.ResourceControlPolicies)
            : null;
    }

    private static IamError TargetNotFound() => new("TargetNotFoundException", "We can't find a root, OU, account, or policy with the TargetId that you specified.", 400);

    private static void Join(Account account, string unitId)
    {
        if (account.OrganizationalUnitId is null && account.ServiceControlPolicies.Count == 0)
        {
            account.ServiceControlPolicies.Add(new PolicyText(Organization.FullAwsAccess));
        }

        account.OrganizationalUnitId = unitId;
    }
}
