using Xunit;

namespace IamLab.Endpoint.Tests.Imds;

/// <summary>
/// Tests that set process-wide environment variables the AWS SDK reads (AWS_EC2_METADATA_SERVICE_ENDPOINT, the
/// credential variables): they run alone, never beside another test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment (IMDS)";
}
