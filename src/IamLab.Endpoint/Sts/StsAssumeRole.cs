using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Endpoint.Sts;

/// <summary>AssumeRole: reads AWS's parameters, lets the world's STS decide (trust policy, caller's policies, limits), answers AWS's document.</summary>
internal static class StsAssumeRole
{
    public static QueryOutcome Run(AwsCall awsCall, QueryInput input)
    {
        var roleArn = input.Required("RoleArn");
        var sessionName = input.Required("RoleSessionName");
        var request = new AssumeRoleRequest(roleArn, sessionName)
        {
            DurationSeconds = input.Integer("DurationSeconds"),
            ExternalId = input.Optional("ExternalId"),
            Policy = input.Optional("Policy"),
            PolicyArns = [.. input.Structs("PolicyArns").Select(p => p.GetValueOrDefault("arn") ?? string.Empty)],
            Tags = [.. input.Structs("Tags").Select(t => new Tag(t.GetValueOrDefault("Key") ?? string.Empty, t.GetValueOrDefault("Value") ?? string.Empty))],
            TransitiveTagKeys = input.Members("TransitiveTagKeys"),
            SourceIdentity = input.Optional("SourceIdentity"),
        };
        if (input.Error is { } invalid)
        {
            return invalid;
        }

        var context = awsCall.RequestContext();
        World.Errors.IamResult<AssumeRoleResult> result;
        lock (awsCall.State.WorldGate)
        {
            result = awsCall.World.Sts.AssumeRole(awsCall.Caller!, request, context);
        }

        if (!result.IsSuccess)
        {
            return result.Error!.ToAwsError();
        }

        var document = AwsXml.QueryResponse("AssumeRole", AwsXmlNamespaces.Sts, awsCall.RequestId, writer => StsXml.Session(writer, result.Value));
        return QueryOutcome.Success(document, changed: true);
    }
}
