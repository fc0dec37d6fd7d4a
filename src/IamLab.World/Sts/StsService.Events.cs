using System.Text.Json.Nodes;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;
using IamLab.World.Errors;
using IamLab.World.Events;

namespace IamLab.World.Sts;

public sealed partial class StsService
{
    private const string Source = "sts.amazonaws.com";

    // What CloudTrail records of an AssumeRole request (IAM User Guide, "Logging IAM and AWS STS API calls with AWS
    // CloudTrail", example AssumeRole entry): the role, the session name, the duration, the external id, tags, transitive
    // keys and the source identity. The session policy is left out (the lab's choice: it can be long).
    private TrailEvent RecordAssumeRole(Credentials credentials, AssumeRoleRequest request, RequestContext? context, IamResult<AssumeRoleResult> result)
    {
        var parameters = new JsonObject
        {
            ["roleArn"] = request.RoleArn,
            ["roleSessionName"] = request.RoleSessionName,
            ["durationSeconds"] = request.DurationSeconds ?? 3600,
        };
        AddIf(parameters, "externalId", request.ExternalId);
        if (request.Tags.Count > 0)
        {
            parameters["tags"] = new JsonArray([.. request.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })]);
        }

        AddTransitiveTagKeys(parameters, request.TransitiveTagKeys);
        if (request.PolicyArns.Count > 0)
        {
            parameters["policyArns"] = new JsonArray([.. request.PolicyArns.Select(a => (JsonNode)new JsonObject { ["arn"] = a })]);
        }

        AddIf(parameters, "sourceIdentity", request.SourceIdentity);
        return Record(TrailIdentities.Of(world, credentials), "AssumeRole", parameters, result, context);
    }

    // What CloudTrail adds to a federated request's parameters from the assertion or token: principalTags as an object of
    // key and value and transitiveTagKeys as a list (IAM User Guide, "Logging IAM and AWS STS API calls with AWS
    // CloudTrail", the example AssumeRoleWithSAML and AssumeRoleWithWebIdentity entries), and sourceIdentity (CloudTrail
    // User Guide, "CloudTrail userIdentity element", "AWS STS source identity": found in requestParameters of AssumeRole,
    // AssumeRoleWithSAML and AssumeRoleWithWebIdentity). The response's sourceIdentity is written by Response. An assertion
    // or token that failed verification is not trusted, so none of its claims is recorded (the lab's choice: AWS's
    // documentation shows only granted calls).
    private TrailEvent RecordFederated(string eventName, string type, string identityProvider, JsonObject parameters, FederatedClaims? claims,
        IamResult<AssumeRoleResult> result)
    {
        if (claims is not null)
        {
            if (claims.Tags.Count > 0)
            {
                // Assigned one by one: a refused assertion may repeat a key, which the JsonObject constructor would throw on.
                var tags = new JsonObject();
                foreach (var tag in claims.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                parameters["principalTags"] = tags;
            }

            AddTransitiveTagKeys(parameters, claims.TransitiveTagKeys);
            AddIf(parameters, "sourceIdentity", claims.SourceIdentity);
        }

        var subject = result.IsSuccess ? result.Value.Claims?.Subject : null;
        var identity = subject is null
            ? new TrailIdentity { Type = type, IdentityProvider = identityProvider }
            : TrailIdentities.Federated(type, subject, identityProvider);
        return Record(identity, eventName, parameters, result, null);
    }

    private TrailEvent RecordService(string servicePrincipal, Iam.Role role, string sessionName, IamResult<Session> result)
    {
        var parameters = new JsonObject { ["roleArn"] = role.Arn, ["roleSessionName"] = sessionName };
        var response = result.IsSuccess ? Response(result.Value) : null;
        return world.Events.Record(TrailIdentities.Service(servicePrincipal), Source, "AssumeRole", parameters, response,
            result.Error?.Code, result.Error?.Message, false, role.AccountId, "Management", null);
    }

    private TrailEvent RecordCallerIdentity(Credentials credentials, IamResult<CallerIdentity> result) =>
        world.Events.Record(TrailIdentities.Of(world, credentials), Source, "GetCallerIdentity", null, null,
            result.Error?.Code, result.Error?.Message, true, result.IsSuccess ? result.Value.Account : null, "Management", null);

    private TrailEvent Record(TrailIdentity identity, string eventName, JsonObject parameters, IamResult<AssumeRoleResult> result, RequestContext? context)
    {
        var roleArn = parameters["roleArn"]?.GetValue<string>();
        var recipient = Arn.AccountOf(roleArn) is { Length: 12 } account ? account : identity.AccountId;
        var ip = context?.Lookup("aws:SourceIp") is [var address, ..] ? address : null;
        return world.Events.Record(identity, Source, eventName, parameters, result.IsSuccess ? Response(result.Value.Session) : null,
            result.Error?.Code, result.Error?.Message, false, recipient, "Management", ip);
    }

    // The response's elements CloudTrail records, without the secret key or the token: the key id links every later call
    // made with these credentials back to this event.
    private static JsonObject Response(Session session)
    {
        var response = new JsonObject
        {
            ["credentials"] = new JsonObject
            {
                ["accessKeyId"] = session.AccessKeyId,
                ["expiration"] = TrailJson.Time(session.Expiration),
            },
            ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = session.AssumedRoleId, ["arn"] = session.Arn },
        };
        AddIf(response, "sourceIdentity", session.SourceIdentity);
        return response;
    }

    private static void AddIf(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    // transitiveTagKeys as CloudTrail writes it for AssumeRole and the federated calls alike: a list, left out when empty.
    private static void AddTransitiveTagKeys(JsonObject target, IReadOnlyCollection<string> keys)
    {
        if (keys.Count > 0)
        {
            target["transitiveTagKeys"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(k))]);
        }
    }
}
