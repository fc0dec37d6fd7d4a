using System.Text;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>Ways a man in the middle could alter a captured request.</summary>
internal static class CapturedRequestTampering
{
    public static CapturedRequest WithBody(this CapturedRequest request, string body) =>
        request with { Body = Encoding.UTF8.GetBytes(body) };

    public static CapturedRequest WithHeader(this CapturedRequest request, string name, string value) =>
        request with
        {
            Headers = [.. request.Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)), KeyValuePair.Create(name, value)],
        };

    public static CapturedRequest WithUri(this CapturedRequest request, string uri) =>
        request with { Uri = new Uri(uri) };
}
