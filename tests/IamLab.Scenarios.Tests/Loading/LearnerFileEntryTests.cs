using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests.Loading;

/// <summary>
/// A <c>files:</c> entry's <c>as:</c> (the IAM user whose UpdateRole calls apply a role-settings file) belongs to a
/// role-settings file only: on an attack or findings file, whose calls start from the challenge's foothold or which makes
/// none, it is refused with its line like on a policy file, never kept and ignored.
/// </summary>
public class LearnerFileEntryTests
{
    private static readonly string BreakIt = File.ReadAllText(Path.Combine(Repo.Scenario("break-it"), "scenario.yaml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Theory]
    [InlineData("    kind: attack\n", 11, "\"as\" (\"arn:aws:iam::111111111111:user/dev\") belongs to a role-settings file; an attack file's calls start from its challenge's foothold.")]
    [InlineData("    kind: findings\n", 19, "\"as\" (\"arn:aws:iam::111111111111:user/dev\") belongs to a role-settings file; a findings file makes no call.")]
    public void AnAsOnAnAttackOrFindingsFileEntry_IsRefusedWithItsLine(string entryKind, int line, string message)
    {
        var at = BreakIt.IndexOf(entryKind, StringComparison.Ordinal) + entryKind.Length;
        var text = BreakIt.Insert(at, "    as: arn:aws:iam::111111111111:user/dev\n");

        var loaded = ScenarioLoader.Parse(text, "break-it/scenario.yaml", "break-it");

        Assert.Null(loaded.Scenario);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal((ScenarioCodes.InvalidValue, line, 9), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void TheScenarioAsShipped_Loads()
    {
        var loaded = ScenarioLoader.Parse(BreakIt, "break-it/scenario.yaml", "break-it");

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
    }
}
