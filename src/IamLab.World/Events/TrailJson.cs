using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamLab.World.Events;

/// <summary>
/// Events as CloudTrail's JSON records (field names and nesting as in the CloudTrail User Guide, "CloudTrail record
/// contents" and "CloudTrail userIdentity element"), one record per line for <c>iamlab events --json</c>, and back.
/// </summary>
public static class TrailJson
{
    /// <summary>A time as CloudTrail writes it: UTC, whole seconds, <c>2026-12-03T10:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One event as a CloudTrail record on one line.</summary>
    public static string ToLine(TrailEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, e);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one event as a CloudTrail record.</summary>
    public static void Write(Utf8JsonWriter writer, TrailEvent e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        writer.WriteStartObject();
        writer.WriteString("eventVersion", TrailEvent.Version);
        WriteIdentity(writer, e.UserIdentity);
        writer.WriteString("eventTime", Time(e.EventTime));
        writer.WriteString("eventSource", e.EventSource);
        writer.WriteString("eventName", e.EventName);
        writer.WriteString("awsRegion", e.AwsRegion);
        Optional(writer, "sourceIPAddress", e.SourceIpAddress);
        Optional(writer, "userAgent", e.UserAgent);
        Optional(writer, "errorCode", e.ErrorCode);
        Optional(writer, "errorMessage", e.ErrorMessage);
        writer.WritePropertyName("requestParameters");
        WriteNode(writer, e.RequestParameters);
        writer.WritePropertyName("responseElements");
        WriteNode(writer, e.ResponseElements);
        Optional(writer, "requestID", e.RequestId);
        writer.WriteString("eventID", e.EventId);
        writer.WriteBoolean("readOnly", e.ReadOnly);
        writer.WriteString("eventType", "AwsApiCall");
        writer.WriteBoolean("managementEvent", e.EventCategory == "Management");
        Optional(writer, "recipientAccountId", e.RecipientAccountId);
        writer.WriteString("eventCategory", e.EventCategory);
        // Not CloudTrail's: the event's position in the lab's log, so a reader can ask for what came after it.
        writer.WriteNumber("labSequence", e.Sequence);
        writer.WriteEndObject();
    }

    /// <summary>Reads a record written by <see cref="Write"/> (or a CloudTrail record with the same fields); null when it is not one.</summary>
    public static TrailEvent? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return JsonNode.Parse(line) is JsonObject o ? Read(o) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TrailEvent? Read(JsonObject o)
    {
        if (Str(o, "eventTime") is not { } time || Str(o, "eventSource") is not { } source || Str(o, "eventName") is not { } name
            || o["userIdentity"] is not JsonObject who || Str(who, "type") is not { } type
            || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return null;
        }

        return new TrailEvent
        {
            Sequence = o["labSequence"] is JsonValue seq && seq.TryGetValue<long>(out var n) ? n : 0,
            EventId = Str(o, "eventID") ?? string.Empty,
            EventTime = when,
            EventSource = source,
            EventName = name,
            AwsRegion = Str(o, "awsRegion") ?? string.Empty,
            UserIdentity = new TrailIdentity
            {
                Type = type,
                PrincipalId = Str(who, "principalId"),
                Arn = Str(who, "arn"),
                AccountId = Str(who, "accountId"),
                AccessKeyId = Str(who, "accessKeyId"),
                UserName = Str(who, "userName"),
                IdentityProvider = Str(who, "identityProvider"),
                InvokedBy = Str(who, "invokedBy"),
                SessionContext = ReadSession(who["sessionContext"] as JsonObject),
            },
            SourceIpAddress = Str(o, "sourceIPAddress"),
            UserAgent = Str(o, "userAgent"),
            RequestParameters = o["requestParameters"]?.DeepClone() as JsonObject,
            ResponseElements = o["responseElements"]?.DeepClone() as JsonObject,
            ErrorCode = Str(o, "errorCode"),
            ErrorMessage = Str(o, "errorMessage"),
            RequestId = Str(o, "requestID"),
            ReadOnly = o["readOnly"] is JsonValue ro && ro.TryGetValue<bool>(out var b) && b,
            RecipientAccountId = Str(o, "recipientAccountId"),
            EventCategory = Str(o, "eventCategory") ?? "Management",
        };
    }

    private static TrailSessionContext? ReadSession(JsonObject? context)
    {
        if (context?["sessionIssuer"] is not JsonObject issuer)
        {
            return null;
        }

        var attributes = context["attributes"] as JsonObject;
        var created = Str(attributes, "creationDate") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c)
            ? c : DateTimeOffset.MinValue;
        return new TrailSessionContext(Str(issuer, "principalId") ?? string.Empty, Str(issuer, "arn") ?? string.Empty, Str(issuer, "accountId") ?? string.Empty,
            Str(issuer, "userName") ?? string.Empty, created, Str(attributes, "mfaAuthenticated") == "true", Str(context, "sourceIdentity"));
    }

    private static string? Str(JsonObject? o, string name) => o?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void WriteIdentity(Utf8JsonWriter writer, TrailIdentity who)
    {
        writer.WriteStartObject("userIdentity");
        writer.WriteString("type", who.Type);
        Optional(writer, "principalId", who.PrincipalId);
        Optional(writer, "arn", who.Arn);
        Optional(writer, "accountId", who.AccountId);
        Optional(writer, "accessKeyId", who.AccessKeyId);
        Optional(writer, "userName", who.UserName);
        Optional(writer, "identityProvider", who.IdentityProvider);
        Optional(writer, "invokedBy", who.InvokedBy);
        if (who.SessionContext is { } session)
        {
            writer.WriteStartObject("sessionContext");
            writer.WriteStartObject("sessionIssuer");
            writer.WriteString("type", "Role");
            writer.WriteString("principalId", session.IssuerPrincipalId);
            writer.WriteString("arn", session.IssuerArn);
            writer.WriteString("accountId", session.IssuerAccountId);
            writer.WriteString("userName", session.IssuerUserName);
            writer.WriteEndObject();
            writer.WriteStartObject("attributes");
            writer.WriteString("creationDate", Time(session.CreationDate));
            // CloudTrail writes this flag as a string.
            writer.WriteString("mfaAuthenticated", session.MfaAuthenticated ? "true" : "false");
            writer.WriteEndObject();
            Optional(writer, "sourceIdentity", session.SourceIdentity);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
