using Xunit;

namespace IamLab.Cli.Tests;

public class ScenariosCommandTests
{
    [Fact]
    public async Task List_ShowsEachScenarioWithItsFiles()
    {
        var (status, output, _) = await Repo.Run("scenarios", "list");

        Assert.Equal(0, status);
        Assert.Matches(@"cross-account-external-id\s*│\s*Cross-account access with an", output);
        Assert.Contains("role-a-trust.json,", output);
        Assert.Contains("role-b-trust.json", output);
        Assert.DoesNotContain("hidden-example", output);
    }

    [Fact]
    public async Task Show_ListsFilesChecksAndHowToGrade()
    {
        var (status, output, _) = await Repo.Run("scenarios", "show", "role-chaining");

        Assert.Equal(0, status);
        Assert.Contains("Role chaining (role-chaining)", output);
        Assert.Contains("role-b-trust.json (trust)", output);
        Assert.Matches(@"role-a-assumes-role-b\s*│\s*2", output);
        Assert.Matches(@"chained-session-over-one-hour-refused\s*│\s*0", output);
        Assert.Contains("iamlab grade role-chaining --submission DIR", output);
    }

    [Fact]
    public async Task Show_UnknownScenario_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("scenarios", "show", "nope");

        Assert.Equal(2, status);
        Assert.Contains("no scenario \"nope\"", error);
    }
}
