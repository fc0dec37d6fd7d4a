using IamLab.Interactive.Tests.Extension;

namespace IamLab.Interactive.Tests.Commands;

/// <summary>
/// The scenario world's clock starts at the scenario's fixed instant (cross-account-external-id: 2026-01-15T12:00:00Z,
/// the default of scenario.yaml) and moves only when the notebook says so.
/// </summary>
[Collection(KernelTestGroup.Name)]
public sealed class AdvanceCommandTests
{
    private const string Role = "arn:aws:iam::999999999999:role/CrossAccountS3Access";
    private const string Dev = "arn:aws:iam::111111111111:user/dev";
    private static readonly string Scenarios = Notebooks.RepositoryPaths.Scenarios;

    private static async Task<TestKernel> CrossAccountAsync()
    {
        var kernel = new TestKernel();
        var start = await kernel.RunAsync($"#!lab-scenario cross-account-external-id --solution --scenarios \"{Scenarios}\"");
        Assert.True(start.Succeeded, start.Failure);
        return kernel;
    }

    private static string AssumeRole(string name, string extra = "") =>
        $"#!lab-assume-role --role {Role} --as {Dev} --external-id unique-external-id-12345 --session-name {name} --expect allowed{extra}";

    [Fact]
    public async Task Advance_MovesTheClock_AndShowsEachSessionsTimeLeft_ThenItsExpiry()
    {
        using var kernel = await CrossAccountAsync();
        Assert.True((await kernel.RunAsync(AssumeRole("s1"))).Succeeded);

        var twenty = await kernel.RunAsync("#!lab-advance 20m");

        Assert.True(twenty.Succeeded, twenty.Failure);
        Assert.Contains("World clock: <b>2026-01-15T12:20:00Z</b> (moved 20 min 0 s; scenario start + 20 min 0 s)", twenty.Html);
        Assert.Contains("valid, 40 min 0 s left", twenty.Html);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 20, 0, TimeSpan.Zero), kernel.Notebook.World!.Time.GetUtcNow());

        var later = await kernel.RunAsync("#!lab-advance 1h");

        Assert.True(later.Succeeded, later.Failure);
        Assert.Contains("expired 20 min 0 s ago (ExpiredToken)", later.Html);
    }

    [Fact]
    public async Task ExpiredSession_IsRefusedWithExpiredToken_BySimulateAndByRoleChaining()
    {
        using var kernel = await CrossAccountAsync();
        Assert.True((await kernel.RunAsync(AssumeRole("s1"))).Succeeded);
        Assert.True((await kernel.RunAsync("#!lab-advance --to 2026-01-15T13:00:00Z")).Succeeded);

        var denied = await kernel.RunAsync("#!lab-simulate --action s3:GetObject --resource arn:aws:s3:::shared-data-999/public/report.csv --session s1 --expect denied");
        var expectedAllowed = await kernel.RunAsync("#!lab-simulate --action s3:GetObject --resource arn:aws:s3:::shared-data-999/public/report.csv --session s1 --expect allowed");
        var chained = await kernel.RunAsync($"#!lab-assume-role --role {Role} --from s1 --session-name s2 --expect ExpiredToken");

        Assert.True(denied.Succeeded, denied.Failure);
        Assert.Contains("ExpiredToken", denied.Html);
        Assert.Equal("#!lab-simulate: EXPECTATION_FAILED: expected allowed, but the request was refused with ExpiredToken (the session expired at 2026-01-15T13:00:00Z).", expectedAllowed.Failure);
        Assert.True(chained.Succeeded, chained.Failure);
        Assert.Contains("ExpiredToken", chained.Html);
    }

    [Fact]
    public async Task At_RunsTheCommandAtALaterTime_AndTheClockNeverGoesBack()
    {
        using var kernel = await CrossAccountAsync();

        var later = await kernel.RunAsync(AssumeRole("s1", " --at +30m"));
        var back = await kernel.RunAsync(AssumeRole("s2", " --at 2026-01-15T12:10:00Z"));

        Assert.True(later.Succeeded, later.Failure);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.Zero), kernel.Notebook.FindSession("s1")!.Start);
        Assert.Contains("expires in 1 h 0 min", later.Html);
        Assert.Equal("#!lab-assume-role: USAGE: --at: the world's clock only moves forward; 2026-01-15T12:10:00Z is before its time now, 2026-01-15T12:30:00Z.", back.Failure);
        Assert.Null(kernel.Notebook.FindSession("s2"));
    }

    [Fact]
    public async Task AClockMovedToTheCalendarsLastYear_IsRefusedWithUsage_AndTheClockStays()
    {
        using var kernel = await CrossAccountAsync();

        // The calendar ends in 9999: the clock may go as far as 9998, but no further than the start of 9999, so that a
        // session's hour, a token's lifetime or a wait after it still has a date.
        var lastDay = await kernel.RunAsync("#!lab-advance --to 9998-12-31T00:00:00Z");
        var further = await kernel.RunAsync("#!lab-advance 9999d");
        var past = await kernel.RunAsync("#!lab-advance --to 9999-06-01T00:00:00Z");
        var at = await kernel.RunAsync(AssumeRole("s1", " --at +2d"));

        Assert.True(lastDay.Succeeded, lastDay.Failure);
        Assert.Equal("#!lab-advance: USAGE: --by: 9999d from 9998-12-31T00:00:00Z reaches 9999-01-01T00:00:00Z or later; the world's clock stays before it (the calendar's last year is kept for the sessions and waits that follow a time).", further.Failure);
        Assert.Equal("#!lab-advance: USAGE: --to: 9999-06-01T00:00:00Z is not before 9999-01-01T00:00:00Z; the world's clock stays before it (the calendar's last year is kept for the sessions and waits that follow a time).", past.Failure);
        Assert.StartsWith("#!lab-assume-role: USAGE: --at: 2d from 9998-12-31T00:00:00Z reaches 9999-01-01T00:00:00Z", at.Failure, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(9998, 12, 31, 0, 0, 0, TimeSpan.Zero), kernel.Notebook.World!.Time.GetUtcNow());
        Assert.Null(kernel.Notebook.FindSession("s1"));
    }

    [Fact]
    public async Task PolicyCell_RebuildsTheWorld_WithoutTurningTheClockBack()
    {
        using var kernel = await CrossAccountAsync();
        Assert.True((await kernel.RunAsync("#!lab-advance 2h")).Succeeded);
        var trust = File.ReadAllText(Path.Combine(Scenarios, "cross-account-external-id", "solution", "trust-policy.json"));

        var rebuilt = await kernel.RunAsync("#!lab-policy trust-policy.json\n" + trust);

        Assert.True(rebuilt.Succeeded, rebuilt.Failure);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero), kernel.Notebook.World!.Time.GetUtcNow());
    }

    [Fact]
    public async Task SdkCells_SignWithTheWorldsTime_WithoutCodeOfTheirOwn()
    {
        using var kernel = await CrossAccountAsync();
        Assert.True((await kernel.RunAsync("#!lab-advance 3h")).Succeeded);

        // The test host has no AWSSDK.Core of its own: a cell references it as a notebook's first cell does.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var sdk = Path.Combine(packages, "awssdk.core", "4.1.0", "lib", "net10.0", "AWSSDK.Core.dll");
        var cell = await kernel.RunAsync($"#r \"{sdk}\"\n(DateTimeOffset.UtcNow + Amazon.AWSConfigs.ManualClockCorrection!.Value).ToString(\"yyyy-MM-dd HH:mm\")");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("2026-01-15 15:0", cell.Text + cell.Html);
    }

    [Theory]
    [InlineData("#!lab-advance 20min", "#!lab-advance: USAGE: --by: \"20min\" is not a duration; write e.g. 20m, 1h30m, 90s or 2d.")]
    [InlineData("#!lab-advance", "#!lab-advance: USAGE: one of --by and --to is required. Run #!lab-advance --help.")]
    [InlineData("#!lab-advance --to 2026-13-01T00:00:00Z", "#!lab-advance: USAGE: --to: \"2026-13-01T00:00:00Z\" is not an instant with its offset; write e.g. 2026-01-15T13:30:00Z, or a duration from now such as +20m.")]
    public async Task BadDurations_AreRefusedWithTheFormToWrite(string cell, string failure)
    {
        using var kernel = await CrossAccountAsync();

        var result = await kernel.RunAsync(cell);

        Assert.Equal(failure, result.Failure);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), kernel.Notebook.World!.Time.GetUtcNow());
    }
}
