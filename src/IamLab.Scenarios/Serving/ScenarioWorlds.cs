using IamLab.Policy.Model;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;
using IamLab.World;

namespace IamLab.Scenarios.Serving;

/// <summary>
/// Builds a scenario's world for the lab endpoint (<c>iamlab serve --scenario ID</c>): the same accounts, users,
/// roles, buckets, providers and instance profiles the grader builds, with a submission's files (or the scenario's
/// <c>starter/</c> files, never its solution) in place, but on a clock the caller gives (the real one when serving),
/// and with an access key for each of the scenario's users.
/// </summary>
public static class ScenarioWorlds
{
    /// <summary>The folder of a scenario that holds the learner's starting files.</summary>
    public const string StarterFolder = "starter";

    /// <summary>The folder of scenario <paramref name="id"/> in <paramref name="scenariosFolder"/>, or <c>SCENARIO_UNKNOWN</c> listing the known ids.</summary>
    /// <param name="scenariosFolder">The scenarios folder (see <see cref="ScenarioCatalog"/>).</param>
    /// <param name="id">The scenario id.</param>
    /// <returns>The scenario's folder, or the problem.</returns>
    public static (string? Directory, ServingProblem? Problem) Find(string scenariosFolder, string id)
    {
        ArgumentNullException.ThrowIfNull(scenariosFolder);
        ArgumentNullException.ThrowIfNull(id);
        var ids = ScenarioCatalog.Ids(scenariosFolder);
        if (ids.Contains(id, StringComparer.Ordinal))
        {
            return (Path.Combine(scenariosFolder, id), null);
        }

        var known = ids.Count == 0 ? "there are none" : string.Join(", ", ids);
        return (null, new ServingProblem(ScenarioCodes.Unknown, $"There is no scenario \"{id}\" in {scenariosFolder}. Known scenarios: {known}."));
    }

    /// <summary>Loads the scenario in <paramref name="scenarioDirectory"/> and builds its world for serving.</summary>
    /// <param name="scenarioDirectory">The folder holding scenario.yaml.</param>
    /// <param name="submissionDirectory">The learner's files; null takes the scenario's <c>starter/</c> files.</param>
    /// <param name="time">The world's clock (<see cref="TimeProvider.System"/> when serving).</param>
    /// <returns>The world with one access key per user, or every problem found.</returns>
    public static ServingResult BuildForServing(string scenarioDirectory, string? submissionDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(scenarioDirectory);
        var loaded = ScenarioLoader.Load(scenarioDirectory);
        return loaded.IsSuccess
            ? BuildForServing(loaded.Scenario!, submissionDirectory, time)
            : new ServingResult(null, loaded.Problems.Select(p => new ServingProblem(p.Code, $"{p.Spot}: {p.Message}")).ToList());
    }

    /// <summary>Builds the world of a loaded <paramref name="scenario"/> for serving.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="submissionDirectory">The learner's files; null takes the scenario's <c>starter/</c> files.</param>
    /// <param name="time">The world's clock (<see cref="TimeProvider.System"/> when serving).</param>
    /// <returns>The world with one access key per user, or every problem found.</returns>
    public static ServingResult BuildForServing(Scenario scenario, string? submissionDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(time);
        var folder = submissionDirectory ?? Path.Combine(scenario.Directory, StarterFolder);
        var (submission, problems) = SubmissionLoader.Load(scenario, folder);
        if (submission is null)
        {
            return new ServingResult(null, problems.Select(p => new ServingProblem(p.Code, $"{p.Location}: {p.Message}")).ToList());
        }

        var (world, error) = WorldBuilder.BuildForServing(scenario, submission, time);
        if (world is null)
        {
            var problem = error!.File is { } file
                ? new ServingProblem(error.Code ?? GradingCodes.WorldRejected, $"The lab's IAM refused {error.Where(submission.PathOf(file))}: {error.Message}")
                : new ServingProblem(ScenarioCodes.WorldInvalid, $"The world of scenario {scenario.Id} cannot be built: {error.Message}");
            return new ServingResult(null, [problem]);
        }

        return new ServingResult(new ServingWorld(scenario, world, folder, submissionDirectory is null, KeysOf(scenario, world)), []);
    }

    /// <summary>
    /// An access key for each of the scenario's users still in <paramref name="world"/> (e.g. a world reloaded from a
    /// state file the scenario seeded): the user's first active key, or a new one when it has none.
    /// </summary>
    /// <param name="scenario">The scenario whose users to list.</param>
    /// <param name="world">The world they live in.</param>
    /// <returns>The keys, in the order the scenario declares the users; users the world no longer has are left out.</returns>
    public static IReadOnlyList<ServingUserKey> KeysOf(Scenario scenario, LabWorld world)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(world);
        var keys = new List<ServingUserKey>();
        foreach (var spec in scenario.World.Users)
        {
            var arn = Arn.Parse(spec.Arn);
            if (!world.Accounts.TryGetValue(arn.Account, out var account) || !account.Users.TryGetValue(arn.Name, out var user))
            {
                continue;
            }

            if (user.AccessKeys.FirstOrDefault(k => k.IsActive) is { } existing)
            {
                keys.Add(new ServingUserKey(user.Arn, arn.Account, user.Name, existing.AccessKeyId, existing.SecretAccessKey));
                continue;
            }

            var made = world.Iam(arn.Account).CreateAccessKey(user.Name);
            if (made.IsSuccess)
            {
                keys.Add(new ServingUserKey(user.Arn, arn.Account, user.Name, made.Value.AccessKeyId, made.Value.SecretAccessKey));
            }
        }

        return keys;
    }
}
