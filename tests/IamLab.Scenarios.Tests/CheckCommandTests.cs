namespace IamLab.Scenarios.Tests;

public class CheckCommandTests
{
    [Fact]
    public async Task Check_PassesForTheGradersOwnScenarios()
    {
        var (status, output, _) = await Repo.Run("check", "cross-account-external-id", "github-oidc", "role-chaining");

        Assert.Equal(0, status);
        Assert.Contains("ok   cross-account-external-id: solution 14/14", output);
        Assert.Contains("ok   github-oidc: solution 11/11", output);
        Assert.Contains("ok   role-chaining: solution 12/12", output);
        Assert.Contains("All 3 scenarios pass.", output);
    }

    [Fact]
    public async Task Check_PassesForEveryScenarioPresent()
    {
        var (status, output, _) = await Repo.Run("check");

        Assert.True(status == 0, output);
        Assert.DoesNotContain("FAIL", output);
    }

    [Fact]
    public async Task Check_FailsWhenTheSolutionIsWrong()
    {
        var scenarios = CopyScenario("github-oidc");
        File.Copy(Path.Combine(scenarios, "github-oidc", "starter", "trust-policy.json"), Path.Combine(scenarios, "github-oidc", "solution", "trust-policy.json"), overwrite: true);

        var (status, output, _) = await Repo.Run("check", "--scenarios", scenarios);

        Assert.Equal(1, status);
        Assert.Contains("FAIL github-oidc", output);
        Assert.Contains("solution has a security finding", output);
        Assert.Contains("solution fails check other-repository-refused", output);
    }

    [Fact]
    public async Task Check_FailsWhenAHiddenCheckLeaksItsRequestIntoItsHint()
    {
        var scenarios = CopyScenario("cross-account-external-id");
        Directory.CreateDirectory(Path.Combine(scenarios, "hidden-example"));
        File.WriteAllText(Path.Combine(scenarios, "hidden-example", "cross-account-external-id.yaml"), """
            checks:
              - name: leaky
                weight: 1
                hint: Nothing to see.
                steps:
                  - as: arn:aws:iam::111111111111:user/dev
                    assumeRole: { roleArn: "arn:aws:iam::999999999999:role/CrossAccountS3Access", roleSessionName: LeakySession42, externalId: unique-external-id-12345 }
                  - request: { action: s3:GetObject, resource: "arn:aws:s3:::shared-data-999/reports/q3.csv" }
                expect: allowed
            """);

        // The hidden check passes on the solution and its values do not leak: check passes.
        var (status, output, _) = await Repo.Run("check", "--scenarios", scenarios);

        Assert.Equal(0, status);
        Assert.Contains("1 hidden check(s)", output);
    }

    [Fact]
    public async Task Check_UnknownScenario_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("check", "no-such-scenario");

        Assert.Equal(2, status);
        Assert.Contains("no-such-scenario", error);
    }

    private static string CopyScenario(string id)
    {
        var root = Repo.Scratch();
        var target = Path.Combine(root, id);
        foreach (var source in Directory.GetFiles(Repo.Scenario(id), "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Repo.Scenario(id), source));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }

        return root;
    }
}
