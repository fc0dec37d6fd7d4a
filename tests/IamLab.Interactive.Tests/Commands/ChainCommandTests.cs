using IamLab.Lessons.Chains;
using IamLab.Lessons.Charts;
using IamLab.Interactive.Tests.Extension;

namespace IamLab.Interactive.Tests.Commands;

/// <summary>#!lab-chain draws the role-chaining scenario's chain (user dev → RoleA → RoleB) as the article's picture.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class ChainCommandTests
{
    private const string RoleA = "arn:aws:iam::111111111111:role/RoleA";
    private const string RoleB = "arn:aws:iam::222222222222:role/RoleB";
    private static readonly string Scenarios = Notebooks.RepositoryPaths.Scenarios;

    private static async Task<TestKernel> ChainedAsync()
    {
        var kernel = new TestKernel();
        foreach (var cell in new[]
                 {
                     $"#!lab-scenario role-chaining --solution --scenarios \"{Scenarios}\"",
                     $"#!lab-assume-role --role {RoleA} --as arn:aws:iam::111111111111:user/dev --session-name Session1 --expect allowed",
                     $"#!lab-assume-role --role {RoleB} --from Session1 --session-name Session2 --duration 7200 --expect ValidationError",
                     "#!lab-advance 10m",
                     $"#!lab-assume-role --role {RoleB} --from Session1 --session-name Session2 --expect allowed",
                 })
        {
            var result = await kernel.RunAsync(cell);
            Assert.True(result.Succeeded, $"{cell}: {result.Failure}");
        }

        return kernel;
    }

    [Fact]
    public async Task Chain_HasABoxPerHop_ArrowsWithTheCallAndTrustStatement_AndTheRefusedCallInRed()
    {
        using var kernel = await ChainedAsync();

        var picture = ChainPicture.Of(kernel.Notebook.World!, kernel.Notebook.Chains, "Session2")!;

        Assert.Equal(["dev", "RoleA", "RoleB", "RoleB"], picture.Boxes.Select(b => b.Title));
        Assert.Equal(3, picture.ChainLength);
        Assert.Equal(["IAM user", "arn:aws:iam::111111111111:user/dev"], picture.Boxes[0].Lines);
        Assert.Contains("issued 2026-01-15T12:00:00Z", picture.Boxes[1].Lines);
        Assert.Contains("limit 1 h 0 min: the role's MaxSessionDuration", picture.Boxes[1].Lines);
        Assert.Contains("issued 2026-01-15T12:10:00Z", picture.Boxes[2].Lines);
        Assert.Contains("expires 2026-01-15T13:10:00Z (1 h 0 min left)", picture.Boxes[2].Lines);
        Assert.Contains("lasts 1 h 0 min: no DurationSeconds: the default hour", picture.Boxes[2].Lines);
        Assert.Contains(picture.Boxes[2].Lines, l => l.StartsWith("limit 1 h: role chaining caps a chained session at 1 h (MaxSessionDuration 12 h 0 min does not count)", StringComparison.Ordinal));
        Assert.True(picture.Boxes[3].Refused);
        Assert.Contains(picture.Boxes[3].Lines, l => l.StartsWith("ValidationError: ", StringComparison.Ordinal));

        Assert.Equal((0, 1), (picture.Arrows[0].From, picture.Arrows[0].To));
        Assert.Equal("AssumeRole", picture.Arrows[1].Call);
        Assert.StartsWith("trust policy statement 0", picture.Arrows[1].Because);
        Assert.Equal((1, 3, "refused: ValidationError"), (picture.Arrows[2].From, picture.Arrows[2].To, picture.Arrows[2].Because));
        Assert.Equal([(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (2.0, -1.2)], ChainChart.Positions(picture));
    }

    [Fact]
    public async Task ChainCell_DrawsThePictureOffline_AndAnExpiredHopIsMarked()
    {
        using var kernel = await ChainedAsync();
        Assert.True((await kernel.RunAsync("#!lab-advance 2h")).Succeeded);

        var cell = await kernel.RunAsync("#!lab-chain Session2");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("newPlot", cell.Html);
        Assert.Contains("The chain of Session2 at 2026-01-15T14:10:00Z", cell.Html);
        Assert.Contains("(refused)", cell.Html);
        Assert.Contains("(expired)", cell.Html);
        Assert.Contains("#cf222e", cell.Html);
    }

    [Fact]
    public async Task UnknownSession_NamesTheSessionsThereAre()
    {
        using var kernel = await ChainedAsync();

        var cell = await kernel.RunAsync("#!lab-chain Nobody");

        Assert.StartsWith("#!lab-chain: UNKNOWN_SESSION: No session \"Nobody\"", cell.Failure);
        Assert.Contains("Session1", cell.Failure);
    }

    [Fact]
    public async Task Timeline_LinksEachChainedSessionToItsParent_OnTheMovingClock()
    {
        using var kernel = await ChainedAsync();

        var cell = await kernel.RunAsync("#!lab-timeline");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("\"hovertext\":\"RoleA/Session1 made RoleB/Session2\"", cell.Html);
        Assert.Contains("\"ax\":\"2026-01-15T12:10:00Z\"", cell.Html);
        Assert.Contains("dotted line: now, 2026-01-15T12:10:00Z", cell.Html);
    }
}
