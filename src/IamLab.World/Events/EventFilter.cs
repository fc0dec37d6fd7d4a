namespace IamLab.World.Events;

/// <summary>
/// Which events to show: every condition given must hold (none given: every event). Text comparisons ignore case.
/// </summary>
public sealed record EventFilter
{
    /// <summary>The operation (<c>AssumeRole</c>), or null.</summary>
    public string? EventName { get; init; }

    /// <summary>The service: <c>sts</c> or <c>sts.amazonaws.com</c>, or null.</summary>
    public string? Service { get; init; }

    /// <summary>Part of the caller's ARN or principal id (a role name, a user name, a session name), or null.</summary>
    public string? Caller { get; init; }

    /// <summary>An access key id: the one a call was signed with, or the one an STS call handed out. Null for any.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The source identity of the caller's session or of the session an STS call made, or null.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>The caller's session name or the session name asked for, or null.</summary>
    public string? SessionName { get; init; }

    /// <summary>The client's address, or null.</summary>
    public string? SourceIp { get; init; }

    /// <summary>Only failed calls (any error code).</summary>
    public bool ErrorsOnly { get; init; }

    /// <summary>Only events at or after this time, or null.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this time, or null.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Whether <paramref name="e"/> passes every condition.</summary>
    public bool Matches(TrailEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (EventName is null || Same(e.EventName, EventName))
            && (Service is null || Same(e.EventSource, Service) || Same(e.EventSource, Service + ".amazonaws.com"))
            && (Caller is null || Contains(e.UserIdentity.Arn, Caller) || Contains(e.UserIdentity.PrincipalId, Caller) || Contains(e.UserIdentity.UserName, Caller))
            && (AccessKeyId is null || Same(e.UserIdentity.AccessKeyId, AccessKeyId) || Same(Text(e.ResponseElements?["credentials"]?["accessKeyId"]), AccessKeyId))
            && (SourceIdentity is null || Same(e.UserIdentity.SessionContext?.SourceIdentity, SourceIdentity) || Same(Text(e.ResponseElements?["sourceIdentity"]), SourceIdentity)
                || Same(Text(e.RequestParameters?["sourceIdentity"]), SourceIdentity))
            && (SessionName is null || Same(e.CallerSessionName, SessionName) || Same(Text(e.RequestParameters?["roleSessionName"]), SessionName))
            && (SourceIp is null || Same(e.SourceIpAddress, SourceIp))
            && (!ErrorsOnly || e.ErrorCode is not null)
            && (Since is null || e.EventTime >= Since)
            && (Until is null || e.EventTime < Until);
    }

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Same(string? a, string b) => a is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? a, string b) => a is not null && a.Contains(b, StringComparison.OrdinalIgnoreCase);
}
