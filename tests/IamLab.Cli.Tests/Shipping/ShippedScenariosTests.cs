using System.Diagnostics;
using System.Text.Json;
using IamLab.Cli.Grading;
using Xunit;

namespace IamLab.Cli.Tests.Shipping;

/// <summary>Learners cannot change the checks: the grader uses the scenarios shipped with the tool, not the learner's folder's.</summary>
public class ShippedScenariosTests
{
    private const string Id = "cross-account-external-id";

    // A learner's rewrite of the scenario: one check, worth 100, that anything passes.
    private const string Rewritten = """
        id: cross-account-external-id
        title: Cross-account access with an ExternalId
        files:
          - name: trust-policy.json
            kind: trust
          - name: caller-policy.json
            kind: identity
        world:
          accounts: ["111111111111"]
        checks:
          - name: free
            weight: 100
            hint: Free points.
            noFindings: [SEC_ACCESS_KEY_IN_FILE]
        """;

    [Fact]
    public async Task GradingFromALearnerFolderWithItsOwnScenario_UsesTheShippedScenario()
    {
        var learner = Repo.CopyOf(Repo.Starter(Id));
        Directory.CreateDirectory(Path.Combine(learner, "scenarios", Id));
        File.WriteAllText(Path.Combine(learner, "scenarios", Id, "scenario.yaml"), Rewritten);
        Directory.CreateDirectory(Path.Combine(learner, "sub", "deeper"));
        var (_, shipped, _) = await Repo.Run("grade", Id, "--submission", Repo.Starter(Id), "--format", "json");
        var expected = JsonDocument.Parse(shipped).RootElement;

        foreach (var cwd in new[] { learner, Path.Combine(learner, "sub", "deeper") })
        {
            var (status, output, error) = RunTool(cwd, "grade", Id, "--submission", learner, "--format", "json", "--hint-level", "1");

            Assert.True(status == 1, error);
            var graded = JsonDocument.Parse(output).RootElement;
            Assert.Equal(expected.GetProperty("maxScore").GetInt32(), graded.GetProperty("maxScore").GetInt32());
            Assert.Equal(expected.GetProperty("score").GetInt32(), graded.GetProperty("score").GetInt32());
            Assert.DoesNotContain(graded.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "free");
        }
    }

    [Fact]
    public void TheToolShipsTheRepositorysScenarios_NextToItsBinaries_AndKnowsWhereItWasBuilt()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "scenarios"), ShippedScenarios.NextToBinaries());
        Assert.True(File.Exists(Path.Combine(ShippedScenarios.NextToBinaries()!, Id, "scenario.yaml")));
        Assert.Equal(Path.GetFullPath(Repo.Scenarios), Path.GetFullPath(ShippedScenarios.BuiltFrom()!));
        Assert.Equal(ShippedScenarios.NextToBinaries(), ShippedScenarios.Folder());
    }

    [Fact]
    public async Task TeachersScenariosFolder_StillWins()
    {
        var scenarios = Repo.Scratch();
        Directory.CreateDirectory(Path.Combine(scenarios, Id));
        File.WriteAllText(Path.Combine(scenarios, Id, "scenario.yaml"), Rewritten);

        var (status, output, _) = await Repo.Run("grade", Id, "--submission", Repo.Starter(Id), "--format", "json", "--scenarios", scenarios);

        Assert.Equal(0, status);
        Assert.Equal(100, JsonDocument.Parse(output).RootElement.GetProperty("maxScore").GetInt32());
    }

    // The built tool (iamlab.dll, next to this test's binaries) run as a learner runs it, from their own folder.
    private static (int Status, string Output, string Error) RunTool(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iamlab.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("iamlab grade did not finish in 2 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
