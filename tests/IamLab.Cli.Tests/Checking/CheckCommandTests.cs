using IamLab.Scenarios.Tests.Checking;
using Xunit;

namespace IamLab.Cli.Tests.Checking;

public class CheckCommandTests
{
    [Fact]
    public async Task Check_PassesForEveryScenarioPresent()
    {
        var (status, output, _) = await Repo.Run("check");

        Assert.True(status == 0, output);
        Assert.DoesNotContain("FAIL", output);
    }

    [Fact]
    public async Task Check_SoundScenario_SaysWhatItCheckedAndExitsZero()
    {
        var (status, output, _) = await Repo.Run("check", "--scenarios", DemoScenario.Write());

        Assert.Equal(0, status);
        Assert.Contains("ok   demo: solution 6/6, starter 0/6, empty 0/6, 4 wrong and 2 right answers, 3 mutants (1 surviving, 0 undeclared), 1 hidden check(s)", output);
        Assert.Contains("All 1 scenarios pass.", output);
    }

    [Fact]
    public async Task Check_FailsWhenTheSolutionIsWrong()
    {
        var scenarios = DemoScenario.Write();
        File.Copy(Path.Combine(scenarios, "demo", "starter", "trust-policy.json"), Path.Combine(scenarios, "demo", "solution", "trust-policy.json"), overwrite: true);

        var (status, output, _) = await Repo.Run("check", "--scenarios", scenarios);

        Assert.Equal(1, status);
        Assert.Contains("FAIL demo: solution 0/6", output);
        Assert.Contains("     - solution fails check works: Expected allowed, got implicitDeny.", output);
        Assert.Contains("1 scenario(s) failed.", output);
    }

    [Fact]
    public async Task Check_HiddenCheckWithDistinctValues_DoesNotLeakThem()
    {
        var scenarios = DemoScenario.Write();
        File.AppendAllText(Path.Combine(scenarios, "hidden-example", "demo", "checks.yaml"), "\n" + $$"""
              - name: fourth-account-refused
                hint: Nothing to see.
                tests: "{{DemoScenario.Task}}"
                requires: [works]
                request: { principal: "arn:aws:iam::222222222222:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R", context: { "aws:SourceIp": 198.51.100.77 } }
                expect: denied

            """);

        var (status, output, _) = await Repo.Run("check", "--scenarios", scenarios);

        Assert.True(status == 0, output);
        Assert.Contains("2 hidden check(s)", output);
        Assert.DoesNotContain("198.51.100.77", output);
    }

    [Fact]
    public async Task CheckMutants_ListsTheSurvivorsWithTheirIds()
    {
        var (status, output, _) = await Repo.Run("check", "--mutants", "--scenarios", DemoScenario.Write());

        Assert.Equal(0, status);
        Assert.Contains("ok   demo: 3 mutants, 2 killed, 1 surviving (1 declared equivalent)", output);
        Assert.Contains("     trust-policy.json $.Statement[0].Action wildcard-end\n         equivalent: An AWS principal cannot call", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task CheckMutants_UndeclaredSurvivor_ExitOne()
    {
        var scenarios = DemoScenario.Write();
        var yaml = Path.Combine(scenarios, "demo", "scenario.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("id: \"trust-policy.json $.Statement[0].Action wildcard-end\"", "id: \"trust-policy.json $.Statement[0].Action star\"", StringComparison.Ordinal));

        var (status, output, _) = await Repo.Run("check", "--mutants", "--scenarios", scenarios);

        Assert.Equal(1, status);
        Assert.Contains("FAIL demo: 3 mutants, 2 killed, 1 surviving (0 declared equivalent)", output);
        Assert.Contains("         SURVIVES: Action \"sts:AssumeRole\" → \"sts:Assume*\"", output);
        Assert.Contains("equivalentMutants names \"trust-policy.json $.Statement[0].Action star\", but the checks kill it (tag-session-refused); remove the declaration.", output);
    }

    [Fact]
    public async Task Check_UnknownScenario_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("check", "no-such-scenario");

        Assert.Equal(2, status);
        Assert.Contains("no-such-scenario", error);
    }
}
