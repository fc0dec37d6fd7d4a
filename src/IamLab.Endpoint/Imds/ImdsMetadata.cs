using IamLab.Endpoint.Hosting;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// The metadata tree the lab serves for an instance: <c>meta-data/</c>, <c>meta-data/instance-id</c>,
/// <c>meta-data/placement/…</c>, <c>dynamic/instance-identity/document</c> (where the SDKs find the region),
/// <c>meta-data/iam/info</c>, <c>meta-data/iam/security-credentials/</c> (the role's name) and
/// <c>meta-data/iam/security-credentials/ROLE</c> (its credentials, renewed by the world before they expire).
/// </summary>
internal static class ImdsMetadata
{
    /// <summary>What a read returns: the body (null for 404), whether it is JSON, and whether the world changed (renewed credentials).</summary>
    public readonly record struct Answer(string? Body, bool IsJson, bool Changed);

    public static Answer Read(EndpointState state, string instanceId, string path, bool trailingSlash)
    {
        lock (state.WorldGate)
        {
            var world = state.World;
            var instance = world.Compute.Instances[instanceId];
            var profileName = instance.InstanceProfileName;
            var profile = profileName is null ? null : world.Iam(instance.AccountId).GetInstanceProfile(profileName);
            var roleName = profile is { IsSuccess: true } && profile.Value.RoleNames.Count > 0 ? profile.Value.RoleNames[0] : null;
            switch (path)
            {
                case "meta-data":
                    return new(roleName is null ? "instance-id\nplacement/" : "iam/\ninstance-id\nplacement/", false, false);
                case "meta-data/instance-id":
                    return new(instanceId, false, false);
                case "meta-data/placement":
                    return new("availability-zone\nregion", false, false);
                case "meta-data/placement/region":
                    return new(world.Region, false, false);
                case "meta-data/placement/availability-zone":
                    return new(world.Region + "a", false, false);
                case "dynamic/instance-identity/document":
                    // The SDKs read the region from here when none is configured.
                    return new(ImdsDocuments.IdentityDocument(instanceId, instance.AccountId, world.Region), true, false);
                case "meta-data/iam":
                    return new(roleName is null ? null : "info\nsecurity-credentials/", false, false);
                case "meta-data/iam/security-credentials":
                    return new(roleName, false, false);
            }

            if (roleName is null)
            {
                return new(null, false, false);
            }

            var before = instance.SessionAccessKeyId;
            if (path == "meta-data/iam/info")
            {
                var issued = Issued(state, instanceId, out var renewed);
                return issued is null ? new(null, false, renewed) : new(ImdsDocuments.IamInfo(issued.Value, profile!.Value.Arn, profile.Value.InstanceProfileId), true, renewed);
            }

            if (path == "meta-data/iam/security-credentials/" + roleName && !trailingSlash)
            {
                var credentials = world.Compute.InstanceCredentials(instanceId);
                var changed = instance.SessionAccessKeyId != before;
                if (!credentials.IsSuccess)
                {
                    return new(null, false, changed);
                }

                var start = world.Sts.Sessions.TryGetValue(credentials.Value.AccessKeyId, out var session) ? session.Start : world.Time.GetUtcNow();
                return new(ImdsDocuments.SecurityCredentials(credentials.Value, start), true, changed);
            }

            return new(null, false, false);
        }
    }

    private static DateTimeOffset? Issued(EndpointState state, string instanceId, out bool renewed)
    {
        var instance = state.World.Compute.Instances[instanceId];
        var before = instance.SessionAccessKeyId;
        var credentials = state.World.Compute.InstanceCredentials(instanceId);
        renewed = instance.SessionAccessKeyId != before;
        return credentials.IsSuccess && state.World.Sts.Sessions.TryGetValue(credentials.Value.AccessKeyId, out var session) ? session.Start : null;
    }
}
