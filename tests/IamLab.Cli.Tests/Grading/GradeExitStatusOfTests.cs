using IamLab.Cli.Grading;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using Xunit;

namespace IamLab.Cli.Tests.Grading;

/// <summary>
/// <c>iamlab grade</c>'s four answers from real gradings: full marks 0, lost points 1, a submission that cannot be read 2,
/// and a grader that fails while grading 3, also when the failure happens inside the guarded grading that turns it into
/// the submission's problem (a single submission once left with the bad-input status).
/// </summary>
public class GradeExitStatusOfTests
{
    private static Scenarios.Model.Scenario Load(string id) => ScenarioLoader.Load(Repo.Scenario(id)).Scenario!;

    [Fact]
    public void FullMarks_Zero_LostPoints_One()
    {
        using var grader = new Grader(Load("cross-account-external-id"));

        var solution = GuardedGrading.Grade(grader, Repo.Solution("cross-account-external-id"), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false);
        var example = GuardedGrading.Grade(grader, Repo.Example, GuardedGrading.DefaultTimeout, refuseLinkedFolder: false);

        Assert.Equal(0, GradeExitStatus.Of(solution));
        Assert.Equal(1, GradeExitStatus.Of(example));
    }

    [Fact]
    public void UnreadableSubmission_Two()
    {
        using var grader = new Grader(Load("cross-account-external-id"));

        var missing = GuardedGrading.Grade(grader, Path.Combine(Repo.Scratch(), "no-such-folder"), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false);

        Assert.Equal(["SUBMISSION_NOT_FOUND"], missing.Problems.Select(p => p.Code));
        Assert.Equal(2, GradeExitStatus.Of(missing));
    }

    [Fact]
    public void GraderFailingWhileGrading_Three_AlsoForTheWholeClass()
    {
        // A grader used after it was disposed fails inside Grade (its identity providers' keys are gone): a bug of the
        // caller's, never of the learner's files.
        var grader = new Grader(Load("saml-federation"));
        grader.Prepare();
        grader.Dispose();

        var broken = GuardedGrading.Grade(grader, Repo.Solution("saml-federation"), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false);
        using var working = new Grader(Load("saml-federation"));
        var passed = GuardedGrading.Grade(working, Repo.Solution("saml-federation"), GuardedGrading.DefaultTimeout, refuseLinkedFolder: false);

        Assert.Equal([GradingCodes.InternalError], broken.Problems.Select(p => p.Code));
        Assert.Equal(3, GradeExitStatus.Of(broken));
        Assert.Equal(3, GradeExitStatus.OfClass([passed, broken]));
        Assert.Equal(0, GradeExitStatus.OfClass([passed, passed]));
    }
}
