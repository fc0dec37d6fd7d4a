using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Iam;

/// <summary>Instance profiles: Create, Get, Delete, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile.</summary>
internal static class IamInstanceProfileOperations
{
    public static QueryOutcome CreateInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        var path = r.Input.Optional("Path") ?? "/";
        return r.Serve("CreateInstanceProfile", "iam:CreateInstanceProfile", () => r.Arn("instance-profile", path, name),
            iam => iam.CreateInstanceProfile(name, path), (w, profile) => IamXml.InstanceProfile(w, profile, RoleByName(r)), changed: true);
    }

    public static QueryOutcome GetInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        return r.Serve("GetInstanceProfile", "iam:GetInstanceProfile", () => ProfileArn(r, name),
            iam => iam.GetInstanceProfile(name), (w, profile) => IamXml.InstanceProfile(w, profile, RoleByName(r)), changed: false);
    }

    public static QueryOutcome DeleteInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        return r.Serve("DeleteInstanceProfile", "iam:DeleteInstanceProfile", () => ProfileArn(r, name),
            iam => iam.DeleteInstanceProfile(name), write: null, changed: true);
    }

    /// <summary>AddRoleToInstanceProfile: the caller also needs iam:PassRole on the role, as AWS documents.</summary>
    public static QueryOutcome AddRoleToInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        var roleName = r.Input.Required("RoleName");
        return r.Refusal("iam:AddRoleToInstanceProfile", () => ProfileArn(r, name))
            ?? r.Authorize("iam:PassRole", r.RoleArn(roleName))
            ?? r.Answer("AddRoleToInstanceProfile", iam => iam.AddRoleToInstanceProfile(name, roleName), write: null, changed: true);
    }

    public static QueryOutcome RemoveRoleFromInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        var roleName = r.Input.Required("RoleName");
        return r.Serve("RemoveRoleFromInstanceProfile", "iam:RemoveRoleFromInstanceProfile", () => ProfileArn(r, name),
            iam => iam.RemoveRoleFromInstanceProfile(name, roleName), write: null, changed: true);
    }

    private static string ProfileArn(IamRequest r, string name)
    {
        lock (r.Gate)
        {
            return r.Iam.Account.InstanceProfiles.TryGetValue(name, out var profile) ? profile.Arn : r.Arn("instance-profile", "/", name);
        }
    }

    private static Func<string, World.Iam.Role?> RoleByName(IamRequest r) =>
        name => r.Iam.Account.Roles.TryGetValue(name, out var role) ? role : null;
}
