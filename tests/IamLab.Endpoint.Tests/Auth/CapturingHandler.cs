using System.Net;
using System.Text;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>
/// Records every request the SDK sends and answers with a canned response, so tests
/// see the real SDK's signed bytes without a network.
/// </summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    private readonly Func<CapturedRequest, HttpResponseMessage> _respond;

    public CapturingHandler(Func<CapturedRequest, HttpResponseMessage> respond) => _respond = respond;

    public List<CapturedRequest> Requests { get; } = [];

    public static HttpResponseMessage Xml(HttpStatusCode status, string xml, string requestId = "req-1")
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(xml, Encoding.UTF8, "text/xml"),
        };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        response.Headers.TryAddWithoutValidation("x-amz-request-id", requestId);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var h in request.Headers)
        {
            headers.AddRange(h.Value.Select(v => KeyValuePair.Create(h.Key, v)));
        }

        byte[] body = [];
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers)
            {
                headers.AddRange(h.Value.Select(v => KeyValuePair.Create(h.Key, v)));
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        if (!headers.Any(h => string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(KeyValuePair.Create("Host", request.RequestUri!.IsDefaultPort
                ? request.RequestUri.Host
                : $"{request.RequestUri.Host}:{request.RequestUri.Port}"));
        }

        var captured = new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body);
        Requests.Add(captured);
        return _respond(captured);
    }
}
