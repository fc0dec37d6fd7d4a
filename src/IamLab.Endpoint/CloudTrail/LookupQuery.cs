using System.Globalization;
using System.Text.Json;
using IamLab.Endpoint.Protocol;
using IamLab.World.Events;

namespace IamLab.Endpoint.CloudTrail;

/// <summary>
/// The request of LookupEvents: at most one lookup attribute (EventId, EventName, ReadOnly, Username, EventSource,
/// AccessKeyId; ResourceType and ResourceName are accepted and match nothing the lab records), StartTime and EndTime
/// (epoch seconds), MaxResults (1 to 50, default 50) and NextToken (the lab's: the position to continue below).
/// </summary>
internal sealed class LookupQuery
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId",
    };

    private string? attributeKey;
    private string? attributeValue;
    private DateTimeOffset? start;
    private DateTimeOffset? end;
    private int max = 50;
    private long? below;

    public AwsError? Error { get; private init; }

    public static LookupQuery Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body.ToArray());
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return Invalid("SerializationException", $"The request body is not a JSON object: {e.Message}");
        }
    }

    /// <summary>What CloudTrail's event history shows as the user name: the user's name, or the role session's name.</summary>
    public static string? Username(TrailEvent e) => e.UserIdentity.UserName ?? e.CallerSessionName ?? (e.UserIdentity.Type == "Root" ? "root" : null);

    public (IReadOnlyList<TrailEvent> Events, string? NextToken) Select(IEnumerable<TrailEvent> events)
    {
        var matching = events.Where(Matches).OrderByDescending(e => e.Sequence).Where(e => below is null || e.Sequence < below).Take(max + 1).ToList();
        return matching.Count > max
            ? (matching.Take(max).ToList(), matching[max - 1].Sequence.ToString(CultureInfo.InvariantCulture))
            : (matching, null);
    }

    private bool Matches(TrailEvent e) =>
        (start is null || e.EventTime >= start) && (end is null || e.EventTime <= end) && (attributeKey switch
        {
            null => true,
            "EventId" => e.EventId == attributeValue,
            "EventName" => e.EventName == attributeValue,
            "ReadOnly" => (e.ReadOnly ? "true" : "false") == attributeValue,
            "Username" => Username(e) == attributeValue,
            "EventSource" => e.EventSource == attributeValue,
            "AccessKeyId" => e.UserIdentity.AccessKeyId == attributeValue,
            _ => false,
        });

    private static LookupQuery Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("SerializationException", "The request body is not a JSON object.");
        }

        var query = new LookupQuery();
        if (root.TryGetProperty("LookupAttributes", out var attributes))
        {
            if (attributes.ValueKind != JsonValueKind.Array || attributes.GetArrayLength() > 1)
            {
                // AWS: LookupAttributes takes one attribute at most.
                return Invalid("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
            }

            foreach (var attribute in attributes.EnumerateArray())
            {
                var key = Text(attribute, "AttributeKey");
                var value = Text(attribute, "AttributeValue");
                if (key is null || !Keys.Contains(key) || value is null)
                {
                    return Invalid("InvalidLookupAttributesException",
                        $"AttributeKey must be one of {string.Join(", ", Keys)}, with an AttributeValue; got '{key}'.");
                }

                query.attributeKey = key;
                query.attributeValue = value;
            }
        }

        if (root.TryGetProperty("StartTime", out var startTime))
        {
            query.start = Time(startTime);
        }

        if (root.TryGetProperty("EndTime", out var endTime))
        {
            query.end = Time(endTime);
        }

        if ((root.TryGetProperty("StartTime", out _) && query.start is null) || (root.TryGetProperty("EndTime", out _) && query.end is null))
        {
            return Invalid("InvalidTimeRangeException", "StartTime and EndTime are times in seconds since the epoch.");
        }

        if (query.start > query.end)
        {
            return Invalid("InvalidTimeRangeException", "Occurs if the timestamp values are not valid. Either the start time occurs after the end time, or the time range is outside the range of possible values.");
        }

        if (root.TryGetProperty("MaxResults", out var maxResults))
        {
            if (!maxResults.TryGetInt32(out var n) || n is < 1 or > 50)
            {
                return Invalid("InvalidMaxResultsException", "MaxResults must be from 1 to 50.");
            }

            query.max = n;
        }

        if (Text(root, "NextToken") is { } token)
        {
            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return Invalid("InvalidNextTokenException", "The NextToken is not one this endpoint gave.");
            }

            query.below = position;
        }

        return query;
    }

    private static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is >= 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : null;

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static LookupQuery Invalid(string code, string message) => new() { Error = new AwsError(code, message, 400) };
}
