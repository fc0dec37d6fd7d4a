using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;
using IamLab.World.Analysis;

namespace IamLab.Scenarios.Reports.Html;

/// <summary>The access graph of a learner's world: the scenario's world with the learner's files in place, on the scenario's clock.</summary>
public static class LearnerWorldGraph
{
    /// <summary>The graph, or null when the files cannot be read (the same guarded reader as grading) or the world refuses them.</summary>
    public static AccessGraph? Of(Scenario scenario, string submissionFolder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (submission, _) = SubmissionLoader.Load(scenario, submissionFolder);
        if (submission is null)
        {
            return null;
        }

        var (world, _) = WorldBuilder.BuildForServing(scenario, submission, new GradingClock(scenario.Clock));
        return world is null ? null : AccessGraphBuilder.Build(world);
    }
}
