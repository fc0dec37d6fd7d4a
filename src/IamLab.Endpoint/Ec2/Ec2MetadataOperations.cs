using System.Globalization;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.Compute;

namespace IamLab.Endpoint.Ec2;

/// <summary>ModifyInstanceMetadataOptions, the metadata condition keys of EC2's actions, and the per-instance metadata listeners a launch opens.</summary>
internal static class Ec2MetadataOperations
{
    /// <summary>
    /// The condition keys EC2 sends with RunInstances and ModifyInstanceMetadataOptions for the instance's metadata options
    /// (Service Authorization Reference, Amazon EC2: <c>ec2:MetadataHttpTokens</c>, <c>ec2:MetadataHttpPutResponseHopLimit</c>,
    /// <c>ec2:MetadataHttpEndpoint</c>): what a policy that requires IMDSv2 compares.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ContextOf(InstanceMetadataOptions options) =>
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["ec2:MetadataHttpTokens"] = [options.HttpTokens],
            ["ec2:MetadataHttpPutResponseHopLimit"] = [options.HttpPutResponseHopLimit.ToString(CultureInfo.InvariantCulture)],
            ["ec2:MetadataHttpEndpoint"] = [options.HttpEndpoint],
        };

    public static async Task<Ec2Result> ModifyAsync(AwsCall call, QueryRequest request)
    {
        var missing = request.Require("InstanceId");
        if (missing is not null)
        {
            return Ec2Result.Fail(missing);
        }

        var account = call.Identity!.Account;
        var instanceId = request.Get("InstanceId")!;
        InstanceMetadataOptions current;
        lock (call.State.WorldGate)
        {
            if (!call.World.Compute.Instances.TryGetValue(instanceId, out var existing) || existing.AccountId != account)
            {
                return Ec2Result.Fail(Ec2Errors.InstanceNotFound(instanceId));
            }

            current = existing.MetadataOptions.Clone();
        }

        var wanted = InstanceMetadataOptions.With(current, request.Get("HttpTokens"), request.Get("HttpPutResponseHopLimit"), request.Get("HttpEndpoint"));
        if (!wanted.IsSuccess)
        {
            return Ec2Result.Fail(wanted.Error!.ToAwsError());
        }

        var denied = call.Authorize("ec2:ModifyInstanceMetadataOptions", $"arn:aws:ec2:{call.Region}:{account}:instance/{instanceId}", ContextOf(wanted.Value));
        if (denied is not null)
        {
            return Ec2Result.Fail(Ec2Errors.Unauthorized(denied));
        }

        InstanceMetadataOptions applied;
        lock (call.State.WorldGate)
        {
            var modified = call.World.Compute.ModifyInstanceMetadataOptions(instanceId, request.Get("HttpTokens"), request.Get("HttpPutResponseHopLimit"), request.Get("HttpEndpoint"));
            if (!modified.IsSuccess)
            {
                return Ec2Result.Fail(modified.Error!.ToAwsError());
            }

            applied = modified.Value.MetadataOptions.Clone();
        }

        await call.State.CommitAsync();
        return Ec2Result.Ok(Ec2Xml.ModifyInstanceMetadataOptions(call.RequestId, instanceId, applied));
    }

    /// <summary>Opens the launched instances' own metadata listeners and names them in the response's lab header.</summary>
    public static async Task OpenListenersAsync(AwsCall call, IEnumerable<string> instanceIds)
    {
        if (call.State.MetadataListeners is not { } listeners)
        {
            return;
        }

        var named = new List<string>();
        foreach (var id in instanceIds)
        {
            if (await listeners.OpenAsync(id, call.Http.RequestAborted) is { } url)
            {
                named.Add($"{id}={url}");
            }
        }

        if (named.Count > 0)
        {
            call.Http.Response.Headers[Ec2Handler.MetadataEndpointHeader] = string.Join(',', named);
        }
    }
}
