using System.Text.Json.Nodes;
using IamLab.World.Events;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// Runs a handler with the request's facts (request id, client address, User-Agent) in scope, so the events the world
/// records meanwhile (every STS call) carry them; then records the call itself when the world recorded nothing (IAM, S3,
/// EC2, and the STS requests refused before they reached the world), one event per request as CloudTrail does.
/// </summary>
internal static class CallRecording
{
    // Parameters CloudTrail never records, and the Query protocol's own.
    private static readonly HashSet<string> Left = new(StringComparer.Ordinal) { "Action", "Version", "SAMLAssertion", "WebIdentityToken" };

    public static async Task RunAsync(AwsCall call, IAwsServiceHandler handler, CancellationToken cancellationToken)
    {
        var facts = new CallFacts(call.RequestId, call.SourceIp, call.Http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
        using (EventLog.Scope(facts))
        {
            await handler.HandleAsync(call, cancellationToken).ConfigureAwait(false);
            // The event log's own reader is not recorded: reading the log would otherwise fill it.
            if (facts.Recorded == 0 && handler is not CloudTrail.CloudTrailHandler)
            {
                Record(call, handler.SigningName);
            }
        }
    }

    private static void Record(AwsCall call, string service)
    {
        var (name, parameters) = Describe(call);
        if (name is null)
        {
            return;
        }

        var error = call.WrittenError;
        var readOnly = name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
            || name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("Head", StringComparison.Ordinal) || name.StartsWith("Simulate", StringComparison.Ordinal);
        lock (call.State.WorldGate)
        {
            call.World.Events.RecordCall(call.Caller, $"{service}.amazonaws.com", name, parameters, error?.Code, error?.Message, readOnly);
        }
    }

    private static (string? Name, JsonObject? Parameters) Describe(AwsCall call)
    {
        if (call.Operation is { } operation)
        {
            var s3 = new JsonObject();
            if (operation.Bucket is not null)
            {
                s3["bucketName"] = operation.Bucket;
            }

            if (operation.Key is not null)
            {
                s3["key"] = operation.Key;
            }

            return (operation.Name, s3);
        }

        var parsed = call.ReadQuery(null, null);
        if (!parsed.IsSuccess)
        {
            return (null, null);
        }

        // CloudTrail names request parameters in camelCase (RoleName is roleName); list members keep their wire names.
        var parameters = new JsonObject();
        foreach (var (key, value) in parsed.Request.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!Left.Contains(key))
            {
                parameters[char.ToLowerInvariant(key[0]) + key[1..]] = value;
            }
        }

        return (parsed.Request.Action, parameters);
    }
}
