namespace IamLab.Endpoint.Tests.Auth;

/// <summary>An HTTP request as the AWS SDK put it on the wire, body included.</summary>
internal sealed record CapturedRequest(
    string Method,
    Uri Uri,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    public string Header(string name) =>
        string.Join(",", Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
}
