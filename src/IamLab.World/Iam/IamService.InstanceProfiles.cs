using IamLab.World.Errors;

namespace IamLab.World.Iam;

public sealed partial class IamService
{
    /// <summary>CreateInstanceProfile.</summary>
    public IamResult<InstanceProfile> CreateInstanceProfile(string instanceProfileName, string path = "/")
    {
        if (IamNames.Check(instanceProfileName, "instanceProfileName", 128, path) is { } invalid)
        {
            return invalid;
        }

        if (Account.InstanceProfiles.ContainsKey(instanceProfileName))
        {
            return IamErrors.InstanceProfileExists(instanceProfileName);
        }

        if (Account.InstanceProfiles.Count >= Limits.IamQuotas.InstanceProfilesPerAccount)
        {
            return Limits.IamQuotas.Exceeded("InstanceProfilesPerAccount", Limits.IamQuotas.InstanceProfilesPerAccount);
        }

        var profile = new InstanceProfile
        {
            Name = instanceProfileName,
            Path = path,
            Arn = ArnOf("instance-profile", path, instanceProfileName),
            InstanceProfileId = world.Ids.UniqueId("AIPA"),
            CreateDate = world.Now,
        };
        Account.InstanceProfiles[instanceProfileName] = profile;
        world.SyncCounter();
        return profile;
    }

    /// <summary>GetInstanceProfile.</summary>
    public IamResult<InstanceProfile> GetInstanceProfile(string instanceProfileName) =>
        Account.InstanceProfiles.TryGetValue(instanceProfileName, out var profile) ? profile : IamErrors.NoSuchInstanceProfile(instanceProfileName);

    /// <summary>AddRoleToInstanceProfile: a profile holds one role; a second gives LimitExceeded.</summary>
    public IamResult<Done> AddRoleToInstanceProfile(string instanceProfileName, string roleName)
    {
        var profile = GetInstanceProfile(instanceProfileName);
        if (!profile.IsSuccess)
        {
            return profile.Forward<Done>();
        }

        var role = GetRole(roleName);
        if (!role.IsSuccess)
        {
            return role.Forward<Done>();
        }

        if (profile.Value.RoleNames.Count >= 1)
        {
            return IamErrors.OneRolePerProfile();
        }

        profile.Value.RoleNames.Add(role.Value.Name);
        return Done.Value;
    }

    /// <summary>RemoveRoleFromInstanceProfile.</summary>
    public IamResult<Done> RemoveRoleFromInstanceProfile(string instanceProfileName, string roleName)
    {
        var profile = GetInstanceProfile(instanceProfileName);
        if (!profile.IsSuccess)
        {
            return profile.Forward<Done>();
        }

        var index = profile.Value.RoleNames.FindIndex(n => n.Equals(roleName, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return IamErrors.NoSuchRole(roleName);
        }

        profile.Value.RoleNames.RemoveAt(index);
        return Done.Value;
    }

    /// <summary>DeleteInstanceProfile: refused while it holds a role.</summary>
    public IamResult<Done> DeleteInstanceProfile(string instanceProfileName)
    {
        var profile = GetInstanceProfile(instanceProfileName);
        if (!profile.IsSuccess)
        {
            return profile.Forward<Done>();
        }

        if (profile.Value.RoleNames.Count > 0)
        {
            return IamErrors.RemoveRolesFromProfileFirst();
        }

        Account.InstanceProfiles.Remove(profile.Value.Name);
        return Done.Value;
    }
}
