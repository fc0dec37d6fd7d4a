using Xunit;

namespace IamLab.Endpoint.Tests.Hosting;

/// <summary>
/// Tests that set process-wide environment variables (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...): they run alone,
/// after the parallel tests, so no other test's SDK client sees the variables.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
