using Amazon.Runtime;

namespace IamLab.Endpoint.Tests.Imds;

/// <summary>Hands the SDK a real HttpClient that remembers the last response's headers (the lab's own headers among them).</summary>
internal sealed class ResponseHeaderRecorder : HttpClientFactory, IDisposable
{
    private readonly Recording _handler = new();

    public IReadOnlyDictionary<string, string> LastHeaders => _handler.Last;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    public void Dispose() => _handler.Dispose();

    private sealed class Recording : DelegatingHandler
    {
        public Recording()
            : base(new HttpClientHandler())
        {
        }

        public IReadOnlyDictionary<string, string> Last { get; private set; } = new Dictionary<string, string>();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Last = response.Headers.ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
            return response;
        }
    }
}
