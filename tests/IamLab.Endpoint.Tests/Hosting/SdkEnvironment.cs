using Amazon.Runtime.Internal;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// Process environment variables the AWS SDK reads, set for one test: the SDK is made to read the environment afresh
/// (it caches what it read), and disposing puts every variable back as it was and makes the SDK read again. The
/// variables are process-wide: tests that use this belong to a collection that never runs in parallel.
/// </summary>
internal sealed class SdkEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> saved;

    private SdkEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        saved = variables.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        FallbackInternalConfigurationFactory.Reset();
    }

    /// <summary>Sets each variable to its value (null removes it) until disposed.</summary>
    public static SdkEnvironment Set(IReadOnlyDictionary<string, string?> variables) => new(variables);

    /// <summary>
    /// The standard variables of a client pointed at the lab: AWS_ENDPOINT_URL, the access key with the lab's secret
    /// <c>test</c>, AWS_REGION us-east-1, and no AWS_SESSION_TOKEN or AWS_PROFILE.
    /// </summary>
    public static SdkEnvironment PointAt(string endpointUrl, string accessKeyId, string secretAccessKey = "test") => Set(new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = endpointUrl,
        ["AWS_ACCESS_KEY_ID"] = accessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_PROFILE"] = null,
    });

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        FallbackInternalConfigurationFactory.Reset();
    }
}
