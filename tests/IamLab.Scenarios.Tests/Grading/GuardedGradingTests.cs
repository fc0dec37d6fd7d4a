using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests.Grading;

public class GuardedGradingTests
{
    [Fact]
    public void GradingPastTheLimit_IsStopped_WithATimeoutProblemForThatSubmission()
    {
        using var grader = new Grader(Load("saml-federation"));

        // A limit of zero: no grading can finish before the limit is checked. A limit of 1 ms was not enough on a busy
        // two-core machine, where the waiting thread may wake only after a grading of a few milliseconds has finished.
        var outcome = GuardedGrading.Grade(grader, Repo.Solution("saml-federation"), TimeSpan.Zero, refuseLinkedFolder: false);

        Assert.Null(outcome.Report);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("SUBMISSION_TIMEOUT", problem.Code);
        Assert.Equal("Grading took longer than 0 s and was stopped; the submission gets no grade (see --timeout).", problem.Message);
    }

    [Fact]
    public void LinkedClassFolder_IsRefused_ButTheSameFolderByItsRealPathIsGraded()
    {
        var class_ = Repo.Scratch();
        var link = Path.Combine(class_, "mallory");
        Directory.CreateSymbolicLink(link, Repo.Solution("cross-account-external-id"));
        using var grader = new Grader(Load("cross-account-external-id"));

        var refused = GuardedGrading.Grade(grader, link, GuardedGrading.DefaultTimeout, refuseLinkedFolder: true);
        var graded = GuardedGrading.Grade(grader, Repo.Solution("cross-account-external-id"), GuardedGrading.DefaultTimeout, refuseLinkedFolder: true);

        Assert.Equal(["SUBMISSION_FOLDER_LINK"], refused.Problems.Select(p => p.Code));
        Assert.True(graded.Report!.Passed);
    }

    private static Model.Scenario Load(string id) => ScenarioLoader.Load(Repo.Scenario(id)).Scenario!;
}
