using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamLab.Client;

/// <summary>
/// Reads an endpoint's event history with CloudTrail's <c>LookupEvents</c> (JSON 1.1, SigV4-signed), every page, and
/// hands back each event's <c>CloudTrailEvent</c> record: what <c>iamlab events</c> prints.
/// </summary>
/// <param name="endpoint">The endpoint, e.g. <c>http://127.0.0.1:4566</c>.</param>
/// <param name="accessKeyId">The access key id (an account id signs as that account's root with the secret <c>test</c>).</param>
/// <param name="secretAccessKey">The secret.</param>
/// <param name="sessionToken">The session token of temporary credentials, or null.</param>
/// <param name="region">The region to sign for.</param>
public sealed class EventHistoryClient(Uri endpoint, string accessKeyId, string secretAccessKey, string? sessionToken = null, string region = "us-east-1")
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    /// <summary>
    /// Every event of the caller's account that LookupEvents returns (newest first, as CloudTrail returns them), at most
    /// <paramref name="limit"/>, optionally only one operation and only from a time on.
    /// </summary>
    /// <param name="eventName">Only this operation (CloudTrail's <c>EventName</c> lookup attribute), or null.</param>
    /// <param name="since">Only events at or after this time, or null.</param>
    /// <param name="limit">The most events to read.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>Each event's CloudTrail record (JSON text), newest first.</returns>
    /// <exception cref="IamQueryClientException">The endpoint refused (AccessDenied, a bad parameter).</exception>
    public async Task<IReadOnlyList<string>> LookupAsync(string? eventName, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var records = new List<string>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["MaxResults"] = 50 };
            if (eventName is not null)
            {
                request["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = "EventName", ["AttributeValue"] = eventName });
            }

            if (since is { } start)
            {
                request["StartTime"] = start.ToUnixTimeSeconds();
            }

            if (token is not null)
            {
                request["NextToken"] = token;
            }

            using var message = QueryRequestSigner.SignJson(endpoint, "cloudtrail", region, request.ToJsonString(), Target, accessKeyId, secretAccessKey, sessionToken, DateTimeOffset.UtcNow);
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var document = Parse(text);
            if (!response.IsSuccessStatusCode)
            {
                var code = Str(document?["__type"]) ?? "Unknown";
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : string.Empty;
                throw new IamQueryClientException(code[(code.LastIndexOf('#') + 1)..], Str(document?["message"]) ?? text, "Sender", (int)response.StatusCode, requestId);
            }

            foreach (var e in document?["Events"] as JsonArray ?? [])
            {
                if (Str(e?["CloudTrailEvent"]) is { } record && records.Count < limit)
                {
                    records.Add(record);
                }
            }

            token = Str(document?["NextToken"]);
        }
        while (token is not null && records.Count < limit);

        return records;
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
