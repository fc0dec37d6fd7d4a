using IamLab.Interactive.Tests.Extension;

namespace IamLab.Interactive.Tests.Commands;

/// <summary>
/// #!lab-assume-role's --tags, --transitive-tag-keys and --source-identity, in the session-tags scenario with its solution:
/// they reach STS as AssumeRole's Tags, TransitiveTagKeys and SourceIdentity, and a chained call keeps the transitive tag and
/// the source identity.
/// </summary>
[Collection(KernelTestGroup.Name)]
public sealed class AssumeRoleSessionTagsTests
{
    private const string ProjectRole = "arn:aws:iam::111111111111:role/ProjectRole";
    private const string ReportRole = "arn:aws:iam::222222222222:role/ReportRole";
    private const string Alice = "arn:aws:iam::111111111111:user/alice";
    private static readonly string Scenarios = Notebooks.RepositoryPaths.Scenarios;

    private static async Task<TestKernel> StartedAsync()
    {
        var kernel = new TestKernel();
        var start = await kernel.RunAsync($"#!lab-scenario session-tags --solution --scenarios \"{Scenarios}\"");
        Assert.True(start.Succeeded, start.Failure);
        return kernel;
    }

    [Fact]
    public async Task Tags_TransitiveKeys_AndSourceIdentity_ReachTheSession_AndTheChain()
    {
        using var kernel = await StartedAsync();

        var first = await kernel.RunAsync($"#!lab-assume-role --role {ProjectRole} --as {Alice} --session-name alice --tags project=blue --transitive-tag-keys project --source-identity alice --expect allowed");
        var chained = await kernel.RunAsync($"#!lab-assume-role --role {ReportRole} --from alice --session-name alice-reports --expect allowed");

        Assert.True(first.Succeeded, first.Failure);
        Assert.True(chained.Succeeded, chained.Failure);
        var session = kernel.Notebook.FindSession("alice-reports")!;
        Assert.Equal([new IamLab.World.Tag("project", "blue")], session.Tags);
        Assert.Equal(["project"], session.TransitiveTagKeys);
        Assert.Equal("alice", session.SourceIdentity);
    }

    [Fact]
    public async Task WithoutTheSourceIdentity_TheSolutionsTrustRefuses()
    {
        using var kernel = await StartedAsync();

        var cell = await kernel.RunAsync($"#!lab-assume-role --role {ProjectRole} --as {Alice} --tags project=blue --transitive-tag-keys project --expect denied");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("sts:SourceIdentity", cell.Html);
    }

    [Fact]
    public async Task Tags_NotKeyValue_IsAUsageError()
    {
        using var kernel = await StartedAsync();

        var cell = await kernel.RunAsync($"#!lab-assume-role --role {ProjectRole} --as {Alice} --tags project");

        Assert.Equal("#!lab-assume-role: USAGE: --tags: \"project\" is not KEY=VALUE; write --tags \"KEY=VALUE,KEY=VALUE\".", cell.Failure);
    }
}
