using IamLab.World.Errors;

namespace IamLab.World.Iam;

/// <summary>
/// IAM's errors, worded as AWS words them (tests assert these texts). Where AWS's exact text is not
/// documented the message says so in its own words and is marked "lab wording" here.
/// </summary>
public static class IamErrors
{
    /// <summary>NoSuchEntity for a role.</summary>
    public static IamError NoSuchRole(string name) => new("NoSuchEntity", $"The role with name {name} cannot be found.", 404);

    /// <summary>NoSuchEntity for a user.</summary>
    public static IamError NoSuchUser(string name) => new("NoSuchEntity", $"The user with name {name} cannot be found.", 404);

    /// <summary>NoSuchEntity for a group.</summary>
    public static IamError NoSuchGroup(string name) => new("NoSuchEntity", $"The group with name {name} cannot be found.", 404);

    /// <summary>NoSuchEntity for a managed policy ARN.</summary>
    public static IamError NoSuchPolicy(string arn) => new("NoSuchEntity", $"Policy {arn} does not exist or is not attachable.", 404);

    /// <summary>NoSuchEntity for an inline role policy.</summary>
    public static IamError NoSuchRolePolicy(string role, string policy) => new("NoSuchEntity", $"The role policy with name {policy} cannot be found.", 404);

    /// <summary>NoSuchEntity for an attachment that is not there.</summary>
    public static IamError NotAttached(string arn) => new("NoSuchEntity", $"Policy {arn} was not found.", 404);

    /// <summary>NoSuchEntity for an instance profile.</summary>
    public static IamError NoSuchInstanceProfile(string name) => new("NoSuchEntity", $"Instance Profile {name} cannot be found.", 404);

    /// <summary>EntityAlreadyExists for a role.</summary>
    public static IamError RoleExists(string name) => new("EntityAlreadyExists", $"Role with name {name} already exists.", 409);

    /// <summary>EntityAlreadyExists for a user.</summary>
    public static IamError UserExists(string name) => new("EntityAlreadyExists", $"User with name {name} already exists.", 409);

    /// <summary>EntityAlreadyExists for a group.</summary>
    public static IamError GroupExists(string name) => new("EntityAlreadyExists", $"Group with name {name} already exists.", 409);

    /// <summary>EntityAlreadyExists for an instance profile.</summary>
    public static IamError InstanceProfileExists(string name) => new("EntityAlreadyExists", $"Instance Profile {name} already exists.", 409);

    /// <summary>EntityAlreadyExists for a managed policy.</summary>
    public static IamError PolicyExists(string name) => new("EntityAlreadyExists", $"A policy called {name} already exists. Duplicate names are not allowed.", 409);

    /// <summary>EntityAlreadyExists for an identity provider.</summary>
    public static IamError ProviderExists(string arn) => new("EntityAlreadyExists", $"Provider with url {arn} already exists.", 409);

    /// <summary>DeleteConflict: managed policies still attached.</summary>
    public static IamError DetachPoliciesFirst() => new("DeleteConflict", "Cannot delete entity, must detach all policies first.", 409);

    /// <summary>DeleteConflict: inline policies still present.</summary>
    public static IamError DeletePoliciesFirst() => new("DeleteConflict", "Cannot delete entity, must delete policies first.", 409);

    /// <summary>DeleteConflict: the role is still in an instance profile (and the profile still holds a role).</summary>
    public static IamError RemoveRolesFromProfileFirst() => new("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.", 409);

    /// <summary>LimitExceeded: an instance profile holds at most one role.</summary>
    public static IamError OneRolePerProfile() => new("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", 409);

    /// <summary>LimitExceeded: a user has at most two access keys.</summary>
    public static IamError TwoAccessKeys() => new("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", 409);

    /// <summary>LimitExceeded: a managed policy keeps at most five versions.</summary>
    public static IamError FiveVersions(string arn) =>
        new("LimitExceeded", "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.", 409);

    /// <summary>UnmodifiableEntity: a service-linked role is changed only by its service.</summary>
    public static IamError ProtectedRole(string name) =>
        new("UnmodifiableEntity", $"Cannot perform the operation on the protected role '{name}' - this role is only modifiable by AWS", 400);

    /// <summary>InvalidInput: a service-linked role of that name exists already.</summary>
    public static IamError ServiceRoleNameTaken(string name) =>
        new("InvalidInput", $"Service role name {name} has been taken in this account, please try a different suffix.", 400);

    /// <summary>
    /// InvalidInput: DeleteServiceLinkedRole on an ordinary role (lab wording). AWS's documentation does not give this
    /// error, and public AWS emulators disagree on it (InvalidInput or NoSuchEntity), so neither code nor text is confirmed.
    /// </summary>
    public static IamError NotServiceLinked(string name) => new("InvalidInput", $"Role {name} is not a service-linked role.", 400);

    /// <summary>InvalidInput: a service the lab does not know how to link a role to (lab wording).</summary>
    public static IamError UnknownService(string service) => new("InvalidInput", $"Service {service} does not support service-linked roles in this lab.", 400);

    /// <summary>
    /// LimitExceeded for a policy over IAM's size quota, in IAM's words: "Cannot exceed quota for PolicySize: 6144"
    /// (managed policies), "Cannot exceed quota for ACLSizePerRole: 2048" (trust policies), "Maximum policy size of
    /// 10240 bytes exceeded for role NAME" (a role's inline policies together; 2048 for a user, 5120 for a group).
    /// Null for kinds IAM does not limit this way.
    /// </summary>
    public static IamError? PolicyTooLarge(Policy.Validation.DocumentKind kind, string entityName) => kind switch
    {
        Policy.Validation.DocumentKind.Identity or Policy.Validation.DocumentKind.Boundary => new("LimitExceeded", "Cannot exceed quota for PolicySize: 6144", 409),
        Policy.Validation.DocumentKind.Trust => new("LimitExceeded", "Cannot exceed quota for ACLSizePerRole: 2048", 409),
        Policy.Validation.DocumentKind.InlineRole => new("LimitExceeded", $"Maximum policy size of 10240 bytes exceeded for role {entityName}", 409),
        Policy.Validation.DocumentKind.InlineUser => new("LimitExceeded", $"Maximum policy size of 2048 bytes exceeded for user {entityName}", 409),
        Policy.Validation.DocumentKind.InlineGroup => new("LimitExceeded", $"Maximum policy size of 5120 bytes exceeded for group {entityName}", 409),
        _ => null,
    };

    /// <summary>MalformedPolicyDocument with the finding's message.</summary>
    public static IamError Malformed(string message) => new("MalformedPolicyDocument", message, 400);
}
