using System.Text.Json.Nodes;

namespace IamLab.World.Events;

/// <summary>
/// One call as CloudTrail records it, with the fields the lab can fill (AWS CloudTrail User Guide, "CloudTrail record
/// contents for management, data, and network activity events"): when, which service and operation, who (the
/// <see cref="TrailIdentity"/>), from where, what was asked, and how it ended (<see cref="ErrorCode"/> null for success).
/// </summary>
/// <remarks>
/// <see cref="RequestParameters"/> and <see cref="ResponseElements"/> hold a subset of what CloudTrail records: never a
/// secret access key, session token, SAML assertion or web identity token (CloudTrail leaves those out too). They belong
/// to the event once recorded: read them, do not change them.
/// </remarks>
public sealed record TrailEvent
{
    /// <summary>The format version of CloudTrail's records that these follow.</summary>
    public const string Version = "1.11";

    /// <summary>The position of the event in its world's log: 1 for the first event ever recorded.</summary>
    public required long Sequence { get; init; }

    /// <summary>The event's id (a GUID, as CloudTrail's <c>eventID</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>When the call was made, on the world's clock.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>The service, e.g. <c>sts.amazonaws.com</c>.</summary>
    public required string EventSource { get; init; }

    /// <summary>The operation, e.g. <c>AssumeRole</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>The region the call was made in.</summary>
    public required string AwsRegion { get; init; }

    /// <summary>Who called.</summary>
    public required TrailIdentity UserIdentity { get; init; }

    /// <summary>The client's IP address (or a service's name when a service called), or null when the front end did not say.</summary>
    public string? SourceIpAddress { get; init; }

    /// <summary>The client's User-Agent, or null when unknown.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The request's parameters that CloudTrail records (a subset), or null.</summary>
    public JsonObject? RequestParameters { get; init; }

    /// <summary>The response's elements that CloudTrail records (a subset, no secrets), or null.</summary>
    public JsonObject? ResponseElements { get; init; }

    /// <summary>AWS's error code when the call failed (<c>AccessDenied</c>, <c>ExpiredToken</c>, ...), null when it succeeded.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>AWS's error message when the call failed, or null.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The request id the front end answered with, or null.</summary>
    public string? RequestId { get; init; }

    /// <summary>Whether the operation only reads.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The account that received the call (the resource's), or null when unknown.</summary>
    public string? RecipientAccountId { get; init; }

    /// <summary><c>Management</c>, or <c>Data</c> for calls on S3 objects.</summary>
    public string EventCategory { get; init; } = "Management";

    /// <summary>The name of the caller's role session (the last part of an assumed-role ARN), or null.</summary>
    public string? CallerSessionName =>
        UserIdentity.Type == "AssumedRole" && UserIdentity.Arn is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : null;
}
