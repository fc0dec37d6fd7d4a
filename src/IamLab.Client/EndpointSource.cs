namespace IamLab.Client;

/// <summary>Where the endpoint the lab's clients talk to came from, in order of precedence.</summary>
public enum EndpointSource
{
    /// <summary>An explicit value: <c>--endpoint URL</c> on the command line or a notebook's argument.</summary>
    Explicit,

    /// <summary>The <c>IAMLAB_ENDPOINT</c> environment variable.</summary>
    IamLabEndpoint,

    /// <summary>The AWS SDKs' own <c>AWS_ENDPOINT_URL</c> environment variable.</summary>
    AwsEndpointUrl,

    /// <summary>Nothing set: the lab's own endpoint, <c>http://127.0.0.1:4566</c> (<c>iamlab serve</c>).</summary>
    Default,
}
