using System.Text.Json;
using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.Events;

namespace IamLab.Endpoint.CloudTrail;

/// <summary>
/// CloudTrail's <c>LookupEvents</c> over the world's event log (JSON 1.1 protocol, <c>X-Amz-Target:
/// CloudTrail_20131101.LookupEvents</c>), so <c>aws cloudtrail lookup-events --endpoint-url ...</c> and the SDKs read the
/// lab's events as they read CloudTrail's event history: newest first, one lookup attribute, a time window, pages of at
/// most 50, only the events of the caller's account.
/// </summary>
public sealed class CloudTrailHandler : IAwsServiceHandler
{
    private const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    /// <inheritdoc />
    public string SigningName => "cloudtrail";

    /// <inheritdoc />
    public AwsErrorFormat ErrorFormat => AwsErrorFormat.Json11;

    /// <inheritdoc />
    public bool ClaimsAnonymous(AwsCall awsCall) => false;

    /// <inheritdoc />
    public async Task HandleAsync(AwsCall awsCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        var target = awsCall.Http.Request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal) || target[TargetPrefix.Length..] != "LookupEvents")
        {
            // AWS's code for an operation the service does not have; the lab serves only LookupEvents.
            await awsCall.WriteErrorAsync(new AwsError("UnknownOperationException", $"The lab's CloudTrail answers LookupEvents only; got X-Amz-Target '{target}'.", 400))
                .ConfigureAwait(false);
            return;
        }

        if (awsCall.Caller is null || awsCall.Identity is null)
        {
            await awsCall.WriteErrorAsync(SigV4Errors.MissingAuthenticationToken()).ConfigureAwait(false);
            return;
        }

        var denied = awsCall.Authorize("cloudtrail:LookupEvents", "*");
        if (denied is not null)
        {
            await awsCall.WriteErrorAsync(denied).ConfigureAwait(false);
            return;
        }

        var query = LookupQuery.Parse(awsCall.Body.Span);
        if (query.Error is not null)
        {
            await awsCall.WriteErrorAsync(query.Error).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<TrailEvent> events;
        lock (awsCall.State.WorldGate)
        {
            events = awsCall.World.Events.Events();
        }

        var account = awsCall.Identity.Account;
        var page = query.Select(events.Where(e => e.RecipientAccountId == account || e.UserIdentity.AccountId == account));
        awsCall.Http.Response.StatusCode = 200;
        awsCall.Http.Response.ContentType = "application/x-amz-json-1.1";
        await awsCall.Http.Response.Body.WriteAsync(Response(page.Events, page.NextToken), cancellationToken).ConfigureAwait(false);
    }

    // LookupEvents' response (CloudTrail API Reference, "LookupEvents" and "Event"): the whole record as a JSON string in
    // CloudTrailEvent, ReadOnly as a string, EventTime in epoch seconds.
    private static byte[] Response(IReadOnlyList<TrailEvent> events, string? nextToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Events");
            foreach (var e in events)
            {
                writer.WriteStartObject();
                writer.WriteString("EventId", e.EventId);
                writer.WriteString("EventName", e.EventName);
                writer.WriteString("ReadOnly", e.ReadOnly ? "true" : "false");
                if (e.UserIdentity.AccessKeyId is { } key)
                {
                    writer.WriteString("AccessKeyId", key);
                }

                writer.WriteNumber("EventTime", e.EventTime.ToUnixTimeSeconds());
                writer.WriteString("EventSource", e.EventSource);
                if (LookupQuery.Username(e) is { } user)
                {
                    writer.WriteString("Username", user);
                }

                writer.WriteStartArray("Resources");
                writer.WriteEndArray();
                writer.WriteString("CloudTrailEvent", TrailJson.ToLine(e));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (nextToken is not null)
            {
                writer.WriteString("NextToken", nextToken);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
