using System.Text;
using System.Text.Json.Nodes;

namespace IamLab.World.Events;

/// <summary>
/// Events as a table a person reads: time, call, caller, source identity, address and outcome, one line each, with the
/// target of the call (the role asked for, the user or bucket touched) and the access key an STS call handed out.
/// </summary>
public static class TrailTable
{
    private static readonly string[] Headers = ["TIME", "CALL", "CALLER", "SOURCE ID", "FROM", "RESULT", "TARGET"];

    /// <summary>The table as text (a header line, then one line per event); "(no events)" when there are none.</summary>
    public static string Format(IEnumerable<TrailEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = events.Select(Row).ToList();
        if (rows.Count == 0)
        {
            return "(no events)\n";
        }

        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Line(text, Headers, widths);
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }

        return text.ToString();
    }

    /// <summary>The cells of one event's row, in the order of the table's columns.</summary>
    public static string[] Row(TrailEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var service = e.EventSource.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? e.EventSource[..^".amazonaws.com".Length] : e.EventSource;
        return
        [
            TrailJson.Time(e.EventTime),
            $"{service}:{e.EventName}",
            Caller(e.UserIdentity),
            e.UserIdentity.SessionContext?.SourceIdentity ?? Text(e.RequestParameters?["sourceIdentity"]) ?? "-",
            e.SourceIpAddress ?? "-",
            e.ErrorCode ?? "OK",
            Target(e),
        ];
    }

    /// <summary>A short name for the caller: the assumed-role ARN's <c>role/session</c>, a user's name, <c>root</c>, or the federated subject.</summary>
    public static string Caller(TrailIdentity who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return who.Type switch
        {
            "AssumedRole" when who.Arn is { } arn => $"{who.AccountId}:{arn[(arn.IndexOf("assumed-role/", StringComparison.Ordinal) + "assumed-role/".Length)..]}",
            "IAMUser" => $"{who.AccountId}:user/{who.UserName}",
            "Root" => $"{who.AccountId}:root",
            "AWSService" => who.InvokedBy ?? "AWSService",
            "SAMLUser" or "WebIdentityUser" => $"{who.Type}:{who.UserName ?? "?"}",
            _ => who.AccessKeyId is { } key ? $"unknown key {key}" : "anonymous",
        };
    }

    private static string Target(TrailEvent e)
    {
        var p = e.RequestParameters;
        var target = Text(p?["roleArn"]) ?? Text(p?["roleName"]) ?? Text(p?["userName"]) ?? Text(p?["policyArn"]) ?? Text(p?["instanceProfileName"])
            ?? (Text(p?["bucketName"]) is { } bucket ? (Text(p?["key"]) is { } key ? $"s3://{bucket}/{key}" : $"s3://{bucket}") : null) ?? "-";
        if (Text(p?["roleSessionName"]) is { } name)
        {
            target += $" as {name}";
        }

        if (Text(e.ResponseElements?["credentials"]?["accessKeyId"]) is { } issued)
        {
            target += $" -> {issued}";
        }

        return target;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.Append('\n');
    }
}
