using Amazon.Runtime;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>Gives the SDK a real HttpClient that also records the bodies and statuses of the responses it receives.</summary>
internal sealed class RecordingHttpClientFactory : HttpClientFactory, IDisposable
{
    private readonly Recorder _recorder = new();

    /// <summary>The responses seen, in order: status and body text.</summary>
    public List<(int Status, string Body)> Responses => _recorder.Responses;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_recorder, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    public void Dispose() => _recorder.Dispose();

    private sealed class Recorder : DelegatingHandler
    {
        public Recorder()
            : base(new HttpClientHandler())
        {
        }

        public List<(int Status, string Body)> Responses { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Responses.Add(((int)response.StatusCode, body));
            var copy = new StringContent(body);
            copy.Headers.Clear();
            foreach (var header in response.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            return response;
        }
    }
}
