using IamLab.Interactive.Tests.Extension;

namespace IamLab.Interactive.Tests.Commands;

/// <summary><c>#!lab-events</c> shows the world's event log: each STS call the notebook made, with its caller and outcome.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class EventsCommandTests
{
    private const string Role = "arn:aws:iam::999999999999:role/CrossAccountS3Access";
    private const string Dev = "arn:aws:iam::111111111111:user/dev";
    private static readonly string Scenarios = Notebooks.RepositoryPaths.Scenarios;

    private static async Task<TestKernel> TwoCallsAsync()
    {
        var kernel = new TestKernel();
        Assert.True((await kernel.RunAsync($"#!lab-scenario cross-account-external-id --solution --scenarios \"{Scenarios}\"")).Succeeded);
        kernel.Notebook.World!.Events.Clear();
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {Role} --as {Dev} --external-id unique-external-id-12345 --session-name good --expect allowed")).Succeeded);
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {Role} --as {Dev} --external-id guessed --session-name bad --expect denied")).Succeeded);
        return kernel;
    }

    [Fact]
    public async Task Events_ListsEachCallWithCallerAndOutcome_RefusedOnesInRed()
    {
        using var kernel = await TwoCallsAsync();

        var shown = await kernel.RunAsync("#!lab-events");

        Assert.True(shown.Succeeded, shown.Failure);
        Assert.Contains("2 events shown of 2 kept.", shown.Html);
        Assert.Contains("<code>111111111111:user/dev</code>", shown.Html);
        Assert.Contains("<code>sts:AssumeRole</code>", shown.Html);
        Assert.Contains($"<code>{Role} as bad</code>", shown.Html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown.Html, "iamlab-event-failed"));
        Assert.Contains("<code>AccessDenied</code>", shown.Html);
    }

    [Fact]
    public async Task Events_Filters_ErrorsAndSessionName()
    {
        using var kernel = await TwoCallsAsync();

        var errors = await kernel.RunAsync("#!lab-events --errors");
        var good = await kernel.RunAsync("#!lab-events --session good");

        Assert.Contains("1 event shown of 2 kept.", errors.Html);
        Assert.Contains(" as bad</code>", errors.Html);
        Assert.Contains("1 event shown of 2 kept.", good.Html);
        Assert.Contains(" as good -&gt; ASIA", good.Html);
    }

    [Fact]
    public async Task Events_Json_ShowsCloudTrailRecords()
    {
        using var kernel = await TwoCallsAsync();

        var json = await kernel.RunAsync("#!lab-events --json --last 1");

        Assert.True(json.Succeeded, json.Failure);
        Assert.Contains("1 event shown of 2 kept.", json.Html);
        Assert.Contains("&quot;eventVersion&quot;:&quot;1.11&quot;", json.Html);
        Assert.Contains("&quot;externalId&quot;:&quot;guessed&quot;", json.Html);
        Assert.Contains("&quot;errorCode&quot;:&quot;AccessDenied&quot;", json.Html);
    }

    [Fact]
    public async Task Events_LastNotANumber_UsageError()
    {
        using var kernel = await TwoCallsAsync();

        var bad = await kernel.RunAsync("#!lab-events --last two");

        Assert.Equal("#!lab-events: USAGE: --last takes a whole number of events, 1 or more; got 'two'.", bad.Failure);
    }
}
