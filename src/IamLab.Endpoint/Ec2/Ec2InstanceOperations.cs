using System.Globalization;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.Compute;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Ec2;

/// <summary>RunInstances, AssociateIamInstanceProfile and DescribeIamInstanceProfileAssociations over the world's instances.</summary>
internal static class Ec2InstanceOperations
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> PassedToEc2 =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["iam:PassedToService"] = ["ec2.amazonaws.com"] };

    public static async Task<Ec2Result> RunInstancesAsync(AwsCall call, QueryRequest request)
    {
        var missing = request.Require("ImageId", "MinCount", "MaxCount");
        if (missing is not null)
        {
            return Ec2Result.Fail(missing);
        }

        if (!int.TryParse(request.Get("MinCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var min) || min < 1
            || !int.TryParse(request.Get("MaxCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < min)
        {
            return Ec2Result.Fail(Ec2Errors.InvalidParameterValue(
                $"Invalid value for MinCount ({request.Get("MinCount")}) or MaxCount ({request.Get("MaxCount")}): both must be positive integers and MinCount at most MaxCount."));
        }

        if (min > Ec2Handler.MaxInstancesPerCall)
        {
            return Ec2Result.Fail(Ec2Errors.InstanceLimitExceeded(min));
        }

        var account = call.Identity!.Account;
        var profileRef = Ec2ProfileRef.Read(request, account, out var profileError);
        if (profileError is not null)
        {
            return Ec2Result.Fail(profileError);
        }

        var metadata = InstanceMetadataOptions.With(null, request.Get("MetadataOptions.HttpTokens"),
            request.Get("MetadataOptions.HttpPutResponseHopLimit"), request.Get("MetadataOptions.HttpEndpoint"));
        if (!metadata.IsSuccess)
        {
            return Ec2Result.Fail(metadata.Error!.ToAwsError());
        }

        var denied = call.Authorize("ec2:RunInstances", $"arn:aws:ec2:{call.Region}:{account}:instance/*", Ec2MetadataOperations.ContextOf(metadata.Value));
        if (denied is not null)
        {
            return Ec2Result.Fail(Ec2Errors.Unauthorized(denied));
        }

        InstanceProfile? profile = null;
        if (profileRef is not null)
        {
            var passed = AuthorizePassRole(call, account, profileRef, out profile);
            if (passed is not null)
            {
                return Ec2Result.Fail(passed);
            }
        }

        var imageId = request.Get("ImageId")!;
        var instanceType = request.Get("InstanceType") ?? "m1.small";
        var launched = new List<Ec2Xml.LaunchedInstance>();
        lock (call.State.WorldGate)
        {
            var now = call.World.Time.GetUtcNow();
            for (var i = 0; i < Math.Min(max, Ec2Handler.MaxInstancesPerCall); i++)
            {
                var run = call.World.Compute.RunInstance(account, profile?.Name, metadata.Value);
                if (!run.IsSuccess)
                {
                    return Ec2Result.Fail(run.Error!.ToAwsError());
                }

                var association = profile is null ? null : Ec2Association.Of(run.Value, profile);
                launched.Add(new Ec2Xml.LaunchedInstance(run.Value.InstanceId, imageId, instanceType, now, association)
                {
                    MetadataOptions = run.Value.MetadataOptions.Clone(), VpcId = call.World.Compute.VpcOf(run.Value), PrivateIpAddress = run.Value.PrivateIpAddress,
                });
            }
        }

        await call.State.CommitAsync();
        await Ec2MetadataOperations.OpenListenersAsync(call, launched.Select(l => l.InstanceId));
        var reservationId = "r-" + launched[0].InstanceId[2..];
        return Ec2Result.Ok(Ec2Xml.RunInstances(call.RequestId, reservationId, account, launched));
    }

    public static async Task<Ec2Result> AssociateAsync(AwsCall call, QueryRequest request)
    {
        var missing = request.Require("InstanceId");
        if (missing is not null)
        {
            return Ec2Result.Fail(missing);
        }

        var account = call.Identity!.Account;
        var profileRef = Ec2ProfileRef.Read(request, account, out var profileError);
        if (profileError is not null)
        {
            return Ec2Result.Fail(profileError);
        }

        if (profileRef is null)
        {
            return Ec2Result.Fail(QueryErrors.MissingParameter("IamInstanceProfile"));
        }

        var instanceId = request.Get("InstanceId")!;
        lock (call.State.WorldGate)
        {
            if (!call.World.Compute.Instances.TryGetValue(instanceId, out var existing) || existing.AccountId != account)
            {
                return Ec2Result.Fail(Ec2Errors.InstanceNotFound(instanceId));
            }
        }

        var denied = call.Authorize("ec2:AssociateIamInstanceProfile", $"arn:aws:ec2:{call.Region}:{account}:instance/{instanceId}");
        if (denied is not null)
        {
            return Ec2Result.Fail(Ec2Errors.Unauthorized(denied));
        }

        var passed = AuthorizePassRole(call, account, profileRef, out var profile);
        if (passed is not null)
        {
            return Ec2Result.Fail(passed);
        }

        Ec2Association association;
        lock (call.State.WorldGate)
        {
            var associated = call.World.Compute.AssociateIamInstanceProfile(instanceId, profile!.Name);
            if (!associated.IsSuccess)
            {
                return Ec2Result.Fail(associated.Error!.ToAwsError());
            }

            association = Ec2Association.Of(associated.Value, profile, "associating");
        }

        await call.State.CommitAsync();
        return Ec2Result.Ok(Ec2Xml.AssociateIamInstanceProfile(call.RequestId, association));
    }

    public static Ec2Result DescribeAssociations(AwsCall call, QueryRequest request)
    {
        var account = call.Identity!.Account;
        var denied = call.Authorize("ec2:DescribeIamInstanceProfileAssociations", "*");
        if (denied is not null)
        {
            return Ec2Result.Fail(Ec2Errors.Unauthorized(denied));
        }

        var ids = request.GetIndexed("AssociationId");
        var filters = request.GetIndexedStructs("Filter");
        foreach (var filter in filters)
        {
            var name = filter.GetValueOrDefault("Name");
            if (name is not ("instance-id" or "state"))
            {
                return Ec2Result.Fail(Ec2Errors.InvalidParameterValue($"The filter '{name}' is invalid"));
            }
        }

        var associations = new List<Ec2Association>();
        lock (call.State.WorldGate)
        {
            var iam = call.World.Iam(account);
            foreach (var instance in call.World.Compute.Instances.Values)
            {
                if (instance.AccountId != account || instance.InstanceProfileName is null)
                {
                    continue;
                }

                var profile = iam.GetInstanceProfile(instance.InstanceProfileName);
                if (profile.IsSuccess)
                {
                    associations.Add(Ec2Association.Of(instance, profile.Value));
                }
            }
        }

        var selected = associations
            .Where(a => ids.Count == 0 || ids.Contains(a.AssociationId))
            .Where(a => filters.All(f => Matches(f, a)));
        return Ec2Result.Ok(Ec2Xml.DescribeIamInstanceProfileAssociations(call.RequestId, selected));
    }

    /// <summary>
    /// Finds the profile and authorizes <c>iam:PassRole</c> on its role: launching or associating a profile passes its
    /// role to EC2, which the caller must be allowed to do (IAM User Guide, "Grant a user permissions to pass a role").
    /// </summary>
    private static AwsError? AuthorizePassRole(AwsCall call, string account, Ec2ProfileRef profileRef, out InstanceProfile? profile)
    {
        string? roleArn = null;
        lock (call.State.WorldGate)
        {
            var found = call.World.Iam(account).GetInstanceProfile(profileRef.Name);
            profile = found.IsSuccess && (profileRef.Arn is null || found.Value.Arn == profileRef.Arn) ? found.Value : null;
            if (profile is not null && profile.RoleNames.Count > 0)
            {
                var role = call.World.Iam(account).GetRole(profile.RoleNames[0]);
                roleArn = role.IsSuccess ? role.Value.Arn : null;
            }
        }

        if (profile is null)
        {
            return profileRef.NotFound();
        }

        if (roleArn is null)
        {
            // The text EC2 uses for a profile without a role is not in its error list; this one is the lab's.
            return Ec2Errors.InvalidParameterValue($"Value ({profileRef.Arn ?? profileRef.Name}) for parameter iamInstanceProfile is invalid. The instance profile {profile.Name} has no role.");
        }

        var denied = call.Authorize("iam:PassRole", roleArn, PassedToEc2);
        return denied is null ? null : Ec2Errors.Unauthorized(denied);
    }

    private static bool Matches(IReadOnlyDictionary<string, string> filter, Ec2Association association)
    {
        var values = filter.Where(f => f.Key.StartsWith("Value.", StringComparison.Ordinal)).Select(f => f.Value).ToList();
        var actual = filter["Name"] == "instance-id" ? association.InstanceId : association.State;
        return values.Count == 0 || values.Contains(actual);
    }
}
