using IamLab.Policy.Validation;
using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>CreateRole: a role with a trust policy (validated), path, description, MaxSessionDuration and tags.</summary>
    public IamResult<Role> CreateRole(string roleName, string assumeRolePolicyDocument, string path = "/", string? description = null,
        int? maxSessionDuration = null, IEnumerable<Tag>? tags = null, string? permissionsBoundary = null)
    {
        ArgumentNullException.ThrowIfNull(roleName);
        ArgumentNullException.ThrowIfNull(assumeRolePolicyDocument);
        var tagList = tags?.ToList();
        var invalid = IamNames.Check(roleName, "roleName", 64, path) ?? MaxSessionDurationError(maxSessionDuration)
            ?? IamNames.CheckDescription(description) ?? IamNames.CheckTags(tagList);
        if (invalid is not null)
        {
            return invalid;
        }

        if (Account.Roles.ContainsKey(roleName))
        {
            return IamErrors.RoleExists(roleName);
        }

        if (Account.Roles.Count >= Limits.IamQuotas.RolesPerAccount)
        {
            return Limits.IamQuotas.Exceeded("RolesPerAccount", Limits.IamQuotas.RolesPerAccount);
        }

        var trust = PolicyCheck.Validate(assumeRolePolicyDocument, DocumentKind.Trust);
        if (!trust.IsSuccess)
        {
            return trust.Forward<Role>();
        }

        if (permissionsBoundary is not null && AttachablePolicy(permissionsBoundary) is null)
        {
            return IamErrors.NoSuchPolicy(permissionsBoundary);
        }

        var role = new Role
        {
            Name = roleName,
            Path = path,
            Arn = ArnOf("role", path, roleName),
            RoleId = world.Ids.UniqueId("AROA"),
            AccountId = Account.Id,
            CreateDate = world.Now,
            TrustPolicy = trust.Value,
            Description = description,
            MaxSessionDuration = maxSessionDuration ?? 3600,
            PermissionsBoundaryArn = permissionsBoundary,
            Tags = tagList ?? [],
        };
        Account.Roles[roleName] = role;
        world.SyncCounter();
        return role;
    }

    /// <summary>GetRole.</summary>
    public IamResult<Role> GetRole(string roleName) =>
        Account.Roles.TryGetValue(roleName, out var role) ? role : IamErrors.NoSuchRole(roleName);

    /// <summary>
    /// ListRoles, optionally only those whose path starts with <paramref name="pathPrefix"/>, ordered by name. These are the
    /// roles themselves; AWS's ListRoles answers a subset of each (no PermissionsBoundary, RoleLastUsed or Tags: IAM API
    /// Reference, ListRoles), and so does the endpoint's. Read a role's last use with <see cref="GetRole"/>.
    /// </summary>
    public IReadOnlyList<Role> ListRoles(string pathPrefix = "/") =>
        Account.Roles.Values.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Records that the role was last used at <paramref name="lastUsed"/> in <paramref name="region"/>, as if a session of it
    /// had been made then (a lab's history of use, for exercises on RoleLastUsed). Not an AWS operation: AWS sets it when
    /// the role is used, as the world's STS does too.
    /// </summary>
    public IamResult<Role> RecordRoleUse(string roleName, DateTimeOffset lastUsed, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var found = GetRole(roleName);
        if (found.IsSuccess)
        {
            found.Value.RoleLastUsed = new RoleLastUsed(lastUsed.ToUniversalTime(), region);
        }

        return found;
    }

    /// <summary>UpdateRole: the description and the MaxSessionDuration (3,600 to 43,200 seconds).</summary>
    public IamResult<Role> UpdateRole(string roleName, int? maxSessionDuration = null, string? description = null)
    {
        var found = Modifiable(roleName);
        if (!found.IsSuccess)
        {
            return found;
        }

        if ((MaxSessionDurationError(maxSessionDuration) ?? IamNames.CheckDescription(description)) is { } invalid)
        {
            return invalid;
        }

        found.Value.MaxSessionDuration = maxSessionDuration ?? found.Value.MaxSessionDuration;
        found.Value.Description = description ?? found.Value.Description;
        return found;
    }

    /// <summary>UpdateAssumeRolePolicy: replaces the trust policy after validating it.</summary>
    public IamResult<Role> UpdateAssumeRolePolicy(string roleName, string policyDocument)
    {
        var found = Modifiable(roleName);
        if (!found.IsSuccess)
        {
            return found;
        }

        var trust = PolicyCheck.Validate(policyDocument, DocumentKind.Trust);
        if (!trust.IsSuccess)
        {
            return trust.Forward<Role>();
        }

        found.Value.TrustPolicy = trust.Value;
        return found;
    }

    /// <summary>DeleteRole: refused while managed or inline policies are attached or an instance profile holds the role.</summary>
    public IamResult<Done> DeleteRole(string roleName)
    {
        var found = Modifiable(roleName);
        if (!found.IsSuccess)
        {
            return found.Forward<Done>();
        }

        var role = found.Value;
        if (Account.InstanceProfiles.Values.Any(p => p.RoleNames.Contains(role.Name, StringComparer.OrdinalIgnoreCase)))
        {
            return IamErrors.RemoveRolesFromProfileFirst();
        }

        if (role.AttachedPolicyArns.Count > 0)
        {
            return IamErrors.DetachPoliciesFirst();
        }

        if (role.InlinePolicies.Count > 0)
        {
            return IamErrors.DeletePoliciesFirst();
        }

        Account.Roles.Remove(role.Name);
        return Done.Value;
    }

    /// <summary>AttachRolePolicy: attaches an AWS managed or customer managed policy by ARN.</summary>
    public IamResult<Done> AttachRolePolicy(string roleName, string policyArn)
    {
        var found = Modifiable(roleName);
        return found.IsSuccess ? AttachTo(found.Value.AttachedPolicyArns, policyArn, "PoliciesPerRole") : found.Forward<Done>();
    }

    /// <summary>DetachRolePolicy.</summary>
    public IamResult<Done> DetachRolePolicy(string roleName, string policyArn)
    {
        var found = Modifiable(roleName);
        if (!found.IsSuccess)
        {
            return found.Forward<Done>();
        }

        return found.Value.AttachedPolicyArns.Remove(policyArn) ? Done.Value : IamErrors.NotAttached(policyArn);
    }

    /// <summary>PutRolePolicy: adds or replaces an inline policy after validating it.</summary>
    public IamResult<Done> PutRolePolicy(string roleName, string policyName, string policyDocument)
    {
        var found = Modifiable(roleName);
        return found.IsSuccess ? PutInline(found.Value.InlinePolicies, found.Value.Name, policyName, policyDocument, DocumentKind.InlineRole) : found.Forward<Done>();
    }

    /// <summary>GetRolePolicy: the inline policy's document.</summary>
    public IamResult<PolicyText> GetRolePolicy(string roleName, string policyName)
    {
        var found = GetRole(roleName);
        if (!found.IsSuccess)
        {
            return found.Forward<PolicyText>();
        }

        return found.Value.InlinePolicies.TryGetValue(policyName, out var policy) ? policy : IamErrors.NoSuchRolePolicy(roleName, policyName);
    }

    /// <summary>DeleteRolePolicy.</summary>
    public IamResult<Done> DeleteRolePolicy(string roleName, string policyName)
    {
        var found = Modifiable(roleName);
        if (!found.IsSuccess)
        {
            return found.Forward<Done>();
        }

        return found.Value.InlinePolicies.Remove(policyName) ? Done.Value : IamErrors.NoSuchRolePolicy(roleName, policyName);
    }

    private IamResult<Role> Modifiable(string roleName)
    {
        var found = GetRole(roleName);
        return found.IsSuccess && found.Value.IsServiceLinked ? IamErrors.ProtectedRole(found.Value.Name) : found;
    }

    private static IamError? MaxSessionDurationError(int? seconds)
    {
        var errors = new ValidationErrors();
        errors.Range(seconds, "maxSessionDuration", 3600, 43200);
        return errors.ToError();
    }
}
