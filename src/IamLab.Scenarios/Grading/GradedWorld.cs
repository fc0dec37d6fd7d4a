using IamLab.World.Analysis;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// The world a grader built from one submission and ran its checks in: the scenario's world with the learner's files in
/// place. A report's pictures are drawn from it, so that they show the world the grade was decided in rather than one
/// built again. Handed back only when asked for (<see cref="Grader.Grade(string, int, bool)"/>) and only once the grading
/// is over: nothing else uses the world then.
/// </summary>
public sealed class GradedWorld
{
    private readonly BuiltWorld built;
    private readonly DateTimeOffset builtAt;

    internal GradedWorld(BuiltWorld built, DateTimeOffset builtAt)
    {
        this.built = built;
        this.builtAt = builtAt;
    }

    /// <summary>
    /// Who may assume which role in this world (<see cref="AccessGraphBuilder"/>), asked at the instant the world was built
    /// (the scenario's <c>clock:</c>). The checks moved the world's clock and made sessions, access keys, instances and
    /// functions, but changed no account, user, role, policy or identity provider (a step calls STS, S3, EC2, Lambda and
    /// the authorizer), so the graph is the one the learner's files give. Not safe to call from several threads at once.
    /// </summary>
    public AccessGraph AccessGraph()
    {
        built.Clock.Set(builtAt);
        return AccessGraphBuilder.Build(built.World);
    }
}
