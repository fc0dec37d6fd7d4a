namespace IamLab.Client;

/// <summary>
/// The one switch that points the lab's clients (CLI, notebooks, tests) at an AWS-compatible endpoint: the lab's own
/// (<c>iamlab serve</c>), LocalStack, or any other. Precedence, first set wins:
/// <list type="number">
/// <item>an explicit value (<c>--endpoint URL</c>);</item>
/// <item>the <c>IAMLAB_ENDPOINT</c> environment variable;</item>
/// <item>the SDKs' <c>AWS_ENDPOINT_URL</c> environment variable;</item>
/// <item>the lab's endpoint at <c>http://127.0.0.1:4566</c> (LocalStack's port too, so either answers there).</item>
/// </list>
/// Whatever answers, grading always uses the lab's engine: LocalStack's free edition enforces no IAM policy.
/// </summary>
/// <param name="Url">The endpoint's base URL.</param>
/// <param name="Source">Where it came from.</param>
public sealed record EndpointSelection(Uri Url, EndpointSource Source)
{
    /// <summary>The environment variable that selects the endpoint.</summary>
    public const string EnvironmentVariable = "IAMLAB_ENDPOINT";

    /// <summary>The SDKs' own endpoint variable, honoured after <see cref="EnvironmentVariable"/>.</summary>
    public const string AwsEndpointUrlVariable = "AWS_ENDPOINT_URL";

    /// <summary>The lab endpoint's default address.</summary>
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:4566");

    /// <summary>Picks the endpoint.</summary>
    /// <param name="explicitEndpoint">The <c>--endpoint</c> value, or null when not given.</param>
    /// <param name="environment">Reads an environment variable; the process environment when null.</param>
    /// <returns>The selection, or an <c>InvalidEndpoint</c> error naming the value and where it came from.</returns>
    public static EndpointSelectionResult Resolve(string? explicitEndpoint, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var candidates = new (string? Value, EndpointSource Source, string Name)[]
        {
            (explicitEndpoint, EndpointSource.Explicit, "--endpoint"),
            (environment(EnvironmentVariable), EndpointSource.IamLabEndpoint, EnvironmentVariable),
            (environment(AwsEndpointUrlVariable), EndpointSource.AwsEndpointUrl, AwsEndpointUrlVariable),
        };
        foreach (var (value, source, name) in candidates)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var problem = Check(value.Trim(), out var url);
            return problem is null
                ? EndpointSelectionResult.Ok(new EndpointSelection(url!, source))
                : EndpointSelectionResult.Fail(new EndpointSelectionError("InvalidEndpoint", $"{name} is \"{value}\": {problem}"));
        }

        return EndpointSelectionResult.Ok(new EndpointSelection(DefaultUrl, EndpointSource.Default));
    }

    /// <summary>The SDKs' <c>ServiceURL</c> for this endpoint (the base URL without a trailing slash).</summary>
    public string ServiceUrl => Url.GetLeftPart(UriPartial.Authority) + Url.AbsolutePath.TrimEnd('/');

    private static string? Check(string value, out Uri? url)
    {
        url = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return "expected an absolute http:// or https:// URL such as http://localhost:4566";
        }

        if (parsed.Query.Length > 0 || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0)
        {
            return "an endpoint URL has no query, fragment or user name";
        }

        url = parsed;
        return null;
    }
}
