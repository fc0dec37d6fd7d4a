using Amazon.Runtime;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>Hands the SDK an HttpClient whose handler is a <see cref="CapturingHandler"/>.</summary>
internal sealed class CapturingHttpClientFactory : HttpClientFactory
{
    private readonly CapturingHandler _handler;

    public CapturingHttpClientFactory(CapturingHandler handler) => _handler = handler;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
}
