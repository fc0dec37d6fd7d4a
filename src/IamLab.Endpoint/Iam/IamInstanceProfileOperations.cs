using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Iam;

/// <summary>Instance profiles: Create, Get, Delete, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile.</summary>
internal static class IamInstanceProfileOperations
{
    public static QueryOutcome CreateInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        var path = r.Input.Optional("Path") ?? "/";
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:CreateInstanceProfile", r.Arn("instance-profile", path, name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var created = r.Iam.CreateInstanceProfile(name, path);
            return created.IsSuccess
                ? r.Respond("CreateInstanceProfile", w => IamXml.InstanceProfile(w, created.Value, RoleByName(r)), changed: true)
                : created.Error!.ToAwsError();
        }
    }

    public static QueryOutcome GetInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:GetInstanceProfile", ProfileArn(r, name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var found = r.Iam.GetInstanceProfile(name);
            return found.IsSuccess
                ? r.Respond("GetInstanceProfile", w => IamXml.InstanceProfile(w, found.Value, RoleByName(r)), changed: false)
                : found.Error!.ToAwsError();
        }
    }

    public static QueryOutcome DeleteInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:DeleteInstanceProfile", ProfileArn(r, name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var done = r.Iam.DeleteInstanceProfile(name);
            return done.IsSuccess ? r.Respond("DeleteInstanceProfile", null, changed: true) : done.Error!.ToAwsError();
        }
    }

    /// <summary>AddRoleToInstanceProfile: the caller also needs iam:PassRole on the role, as AWS documents.</summary>
    public static QueryOutcome AddRoleToInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        var roleName = r.Input.Required("RoleName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        var denied = r.Authorize("iam:AddRoleToInstanceProfile", ProfileArn(r, name))
            ?? r.Authorize("iam:PassRole", r.RoleArn(roleName));
        if (denied is not null)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var done = r.Iam.AddRoleToInstanceProfile(name, roleName);
            return done.IsSuccess ? r.Respond("AddRoleToInstanceProfile", null, changed: true) : done.Error!.ToAwsError();
        }
    }

    public static QueryOutcome RemoveRoleFromInstanceProfile(IamRequest r)
    {
        var name = r.Input.Required("InstanceProfileName");
        var roleName = r.Input.Required("RoleName");
        if (r.Input.Error is { } invalid)
        {
            return invalid;
        }

        if (r.Authorize("iam:RemoveRoleFromInstanceProfile", ProfileArn(r, name)) is { } denied)
        {
            return denied;
        }

        lock (r.Gate)
        {
            var done = r.Iam.RemoveRoleFromInstanceProfile(name, roleName);
            return done.IsSuccess ? r.Respond("RemoveRoleFromInstanceProfile", null, changed: true) : done.Error!.ToAwsError();
        }
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
