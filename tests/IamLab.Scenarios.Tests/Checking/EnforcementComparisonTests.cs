using IamLab.Scenarios.Checking;

namespace IamLab.Scenarios.Tests.Checking;

/// <summary>
/// Which of a scenario's checks an endpoint that enforces nothing (LocalStack's free edition, moto) gets wrong: with the
/// reference answer of cross-account-external-id the lab answers every check as AWS does, while an endpoint that allows
/// every call answers only the two checks that expect "allowed" right; every refusal the scenario teaches is lost.
/// </summary>
public class EnforcementComparisonTests
{
    [Fact]
    public void CrossAccountSolution_TheLabAnswersAllTwelve_AnEndpointThatEnforcesNothingOnlyTheTwoAllowed()
    {
        var rows = EnforcementComparison.Compare(Repo.Scenario("cross-account-external-id"))!;

        Assert.Equal(12, rows.Count);
        Assert.DoesNotContain(rows, r => r.Check == "trust-requires-external-id");
        Assert.All(rows, r => Assert.True(r.LabRight, $"{r.Check}: {r.Lab}"));
        Assert.Equal(["right-external-id-works", "session-reads-the-shared-bucket"], rows.Where(r => r.EnforcesNothingRight).Select(r => r.Check));
        Assert.All(rows, r => Assert.Equal("allowed", r.EnforcesNothing));
    }

    [Fact]
    public void WhyTheyDiffer_IsTheRuleTheLabApplied_OnlyWhereTheyDiffer()
    {
        var rows = EnforcementComparison.Compare(Repo.Scenario("cross-account-external-id"))!;

        var wrong = rows.Single(r => r.Check == "wrong-external-id-refused");
        Assert.True(wrong.Differs);
        Assert.Equal("denied", wrong.Expected);
        Assert.Contains("ExternalId", wrong.Why, StringComparison.Ordinal);
        Assert.StartsWith("the lab refused it (", wrong.Why, StringComparison.Ordinal);
        var right = rows.Single(r => r.Check == "right-external-id-works");
        Assert.False(right.Differs);
        Assert.Equal(string.Empty, right.Why);
    }

    [Fact]
    public void WithTheStarter_TheLabToo_FailsTheChecksTheStarterDoesNotMeet()
    {
        var loaded = IamLab.Scenarios.Loading.ScenarioLoader.Load(Repo.Scenario("cross-account-external-id"));
        var (starter, _) = IamLab.Scenarios.Submissions.SubmissionLoader.Load(loaded.Scenario!, Repo.Starter("cross-account-external-id"));

        var rows = EnforcementComparison.Compare(loaded.Scenario!, starter!);

        Assert.Contains(rows, r => !r.LabRight);
        Assert.False(rows.Single(r => r.Check == "right-external-id-works").LabRight);
    }
}
