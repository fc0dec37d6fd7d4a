using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Serving;
using IamLab.World.Sts;

namespace IamLab.Scenarios.Tests.Serving;

public class ScenarioWorldsTests
{
    private const string Id = "cross-account-external-id";
    private const string RoleArn = "arn:aws:iam::999999999999:role/CrossAccountS3Access";

    public static TheoryData<string> ScenarioIds() => [.. ScenarioCatalog.Ids(Repo.Scenarios)];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void EveryScenario_BuildsForServing_WithItsStarterAndItsSolution_AndAKeyPerUser(string id)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(id)).Scenario!;

        var starter = ScenarioWorlds.BuildForServing(scenario, null, TimeProvider.System);
        var solution = ScenarioWorlds.BuildForServing(scenario, Repo.Solution(id), TimeProvider.System);

        Assert.True(starter.IsSuccess, string.Join("\n", starter.Problems));
        Assert.True(solution.IsSuccess, string.Join("\n", solution.Problems));
        Assert.Equal(scenario.World.Users.Select(u => u.Arn), starter.World!.Keys.Select(k => k.UserArn));
        Assert.All(starter.World.Keys, k => Assert.StartsWith("AKIA", k.AccessKeyId, StringComparison.Ordinal));
        Assert.Equal(scenario.World.Accounts.Order(), starter.World.World.Accounts.Keys.Where(scenario.World.Accounts.Contains).Order());
    }

    [Fact]
    public void NoSubmission_PutsTheStarterFilesInPlace_NotTheSolution()
    {
        var served = ScenarioWorlds.BuildForServing(Repo.Scenario(Id), null, TimeProvider.System).World!;

        var trust = served.World.Accounts["999999999999"].Roles["CrossAccountS3Access"].TrustPolicy.Json;

        Assert.True(served.FromStarter);
        Assert.Equal(Repo.Starter(Id), served.FilesDirectory);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Starter(Id), "trust-policy.json")), trust);
        Assert.NotEqual(File.ReadAllText(Path.Combine(Repo.Solution(Id), "trust-policy.json")), trust);
    }

    [Fact]
    public void Solution_WorldRunsOnTheGivenClock_NotTheScenariosFrozenOne()
    {
        var served = ScenarioWorlds.BuildForServing(Repo.Scenario(Id), Repo.Solution(Id), TimeProvider.System).World!;
        var dev = served.Keys.Single(k => k.UserName == "dev");

        var assumed = served.World.Sts.AssumeRole(new Credentials(dev.AccessKeyId, dev.SecretAccessKey),
            new AssumeRoleRequest(RoleArn, "CrossAccountSession") { ExternalId = "unique-external-id-12345" });

        Assert.Same(TimeProvider.System, served.World.Time);
        Assert.False(served.FromStarter);
        Assert.True(assumed.IsSuccess, assumed.Error?.ToString());
        Assert.InRange(assumed.Value.Credentials.Expiration!.Value, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
    }

    [Fact]
    public void Solution_WithoutTheExternalId_IsAccessDenied()
    {
        var served = ScenarioWorlds.BuildForServing(Repo.Scenario(Id), Repo.Solution(Id), TimeProvider.System).World!;
        var dev = served.Keys.Single(k => k.UserName == "dev");

        var assumed = served.World.Sts.AssumeRole(new Credentials(dev.AccessKeyId, dev.SecretAccessKey), new AssumeRoleRequest(RoleArn, "CrossAccountSession"));

        Assert.Equal("AccessDenied", assumed.Error?.Code);
    }

    [Fact]
    public void KeysOf_AWorldThatHasKeys_ReturnsTheSameKeys_WithoutMakingMore()
    {
        var served = ScenarioWorlds.BuildForServing(Repo.Scenario(Id), null, TimeProvider.System).World!;

        var again = ScenarioWorlds.KeysOf(served.Scenario, served.World);

        Assert.Equal(served.Keys, again);
        Assert.Single(served.World.Accounts["111111111111"].Users["dev"].AccessKeys);
    }

    [Fact]
    public void MissingSubmissionFolder_IsAProblemNamingIt()
    {
        var missing = Path.Combine(Repo.Scratch(), "nope");

        var result = ScenarioWorlds.BuildForServing(Repo.Scenario(Id), missing, TimeProvider.System);

        Assert.False(result.IsSuccess);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("SUBMISSION_NOT_FOUND", problem.Code);
        Assert.Contains(missing, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownId_ListsTheKnownIds()
    {
        var (directory, problem) = ScenarioWorlds.Find(Repo.Scenarios, "cross-acount");

        Assert.Null(directory);
        Assert.Equal("SCENARIO_UNKNOWN", problem!.Code);
        Assert.Contains("There is no scenario \"cross-acount\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"Known scenarios: {string.Join(", ", ScenarioCatalog.Ids(Repo.Scenarios))}.", problem.Message, StringComparison.Ordinal);
    }
}
