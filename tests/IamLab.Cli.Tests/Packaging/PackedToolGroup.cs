using Xunit;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>The test classes that share one packed tool (and so run one after another, not beside each other).</summary>
[CollectionDefinition(Name)]
public sealed class PackedToolGroup : ICollectionFixture<PackedTool>
{
    public const string Name = "packed tool";
}
