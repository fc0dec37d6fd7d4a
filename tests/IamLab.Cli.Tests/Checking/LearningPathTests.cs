using System.Text.Json;
using IamLab.Scenarios.Tests.Checking;
using Xunit;

namespace IamLab.Cli.Tests.Checking;

/// <summary>The learning path: the list in order, hints one level further per failed attempt, and NOTES.md at full marks.</summary>
public class LearningPathTests
{
    private static string Demo(string scenarios) => Path.Combine(scenarios, DemoScenario.Id);

    [Fact]
    public async Task List_FollowsOrder_ThenScenariosWithoutOne_WithTheirMinutes()
    {
        var scenarios = DemoScenario.Write();
        foreach (var (id, order) in new[] { ("alpha", "order: 30\n"), ("beta", string.Empty) })
        {
            DemoScenario.Put(Path.Combine(scenarios, id), "scenario.yaml",
                DemoScenario.Yaml.Replace("id: demo", $"id: {id}", StringComparison.Ordinal).Replace("order: 10\n", order, StringComparison.Ordinal).Replace("minutes: 5\n", "", StringComparison.Ordinal));
        }

        var (status, output, _) = await Repo.Run("scenarios", "list", "--scenarios", scenarios);

        Assert.Equal(0, status);
        var rows = output.Split('\n').Where(l => l.Contains("trust-policy.json", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^│ 1\s+│ demo\s+│ Demo\s+│\s+5 │", rows[0]);
        Assert.Matches(@"^│ 2\s+│ alpha\s+│ Demo\s+│\s+- │", rows[1]);
        Assert.Matches(@"^│ 3\s+│ beta\s+│", rows[2]);
    }

    [Fact]
    public async Task EachFailedAttempt_ShowsTheNextHintLevel_AndFullMarksStartAgain()
    {
        var scenarios = DemoScenario.Write();
        var state = Path.Combine(Repo.Scratch(), "attempts.json");
        var learner = Repo.CopyOf(Path.Combine(Demo(scenarios), "answers", "wrong", "anyone"));
        string[] Grade(string folder) => ["grade", "demo", "--submission", folder, "--scenarios", scenarios, "--hint-state", state, "--format", "json"];
        static string Hint(string json) => JsonDocument.Parse(json).RootElement.GetProperty("checks")[1].GetProperty("hint").GetString()!;

        var first = await Repo.Run(Grade(learner));
        var second = await Repo.Run(Grade(learner));
        var third = await Repo.Run(Grade(learner));
        var fourth = await Repo.Run(Grade(learner));
        var solved = await Repo.Run(Grade(Path.Combine(Demo(scenarios), "solution")));

        Assert.Equal(1, first.Status);
        Assert.Equal(["Only one account.", "A trust names its principals.", "Trust arn:aws:iam::111111111111:root only.", "Trust arn:aws:iam::111111111111:root only."],
            new[] { first, second, third, fourth }.Select(r => Hint(r.Output)));
        Assert.Equal(3, JsonDocument.Parse(third.Output).RootElement.GetProperty("hintLevel").GetInt32());
        Assert.Equal(JsonDocument.Parse(first.Output).RootElement.GetProperty("score").GetInt32(), JsonDocument.Parse(fourth.Output).RootElement.GetProperty("score").GetInt32());
        Assert.Equal(0, solved.Status);
        Assert.Contains(Path.GetFullPath(learner), File.ReadAllText(state), StringComparison.Ordinal);
        Assert.DoesNotContain("solution", File.ReadAllText(state), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HintLevelOption_ChoosesTheLevel_AndCountsNoAttempt()
    {
        var scenarios = DemoScenario.Write();
        var state = Path.Combine(Repo.Scratch(), "attempts.json");
        var learner = Path.Combine(Demo(scenarios), "answers", "wrong", "anyone");

        var (status, output, _) = await Repo.Run("grade", "demo", "--submission", learner, "--scenarios", scenarios, "--hint-state", state, "--hint-level", "2");

        Assert.Equal(1, status);
        Assert.Contains("    Hint: A trust names its principals.", output);
        Assert.Contains("Hints at level 2 of 3: each failed attempt shows one more level (--hint-level N to choose).", output);
        Assert.False(File.Exists(state));
    }

    [Fact]
    public async Task HintLevelOutOfRange_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("grade", "demo", "--submission", ".", "--scenarios", DemoScenario.Write(), "--hint-level", "4");

        Assert.Equal(2, status);
        Assert.Contains("--hint-level must be 1, 2 or 3.", error);
    }

    [Fact]
    public async Task FullMarks_ShowTheSolutionNotes_InTextAndJson()
    {
        var scenarios = DemoScenario.Write();
        var solution = Path.Combine(Demo(scenarios), "answers", "right", "account-id");

        var text = await Repo.Run("grade", "demo", "--submission", solution, "--scenarios", scenarios);
        var json = await Repo.Run("grade", "demo", "--submission", solution, "--scenarios", scenarios, "--format", "json");

        Assert.Equal(0, text.Status);
        Assert.Contains("About the answer (solution/NOTES.md):", text.Output);
        Assert.Contains("Trust the account root of 111111111111 with sts:AssumeRole.", text.Output);
        Assert.Equal("Trust the account root of 111111111111 with sts:AssumeRole.\n", JsonDocument.Parse(json.Output).RootElement.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task LessThanFullMarks_KeepTheNotesHidden()
    {
        var scenarios = DemoScenario.Write();
        var wrong = Path.Combine(Demo(scenarios), "answers", "wrong", "every-action");

        var text = await Repo.Run("grade", "demo", "--submission", wrong, "--scenarios", scenarios);
        var json = await Repo.Run("grade", "demo", "--submission", wrong, "--scenarios", scenarios, "--format", "json");

        Assert.DoesNotContain("Trust the account root", text.Output);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(json.Output).RootElement.GetProperty("notes").ValueKind);
    }
}
