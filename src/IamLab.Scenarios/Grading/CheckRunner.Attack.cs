using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Model;
using IamLab.World.Events;

namespace IamLab.Scenarios.Grading;

/// <summary>The attack and findings checks of <see cref="CheckRunner"/>.</summary>
internal static partial class CheckRunner
{
    /// <summary>
    /// Runs the learner's chain from the challenge's foothold, then the challenge's goal with the credentials the chain
    /// ends with, in the scenario's world or (<see cref="CheckSpec.Fixed"/>) the challenge's fixed world. The attack
    /// gets in when every step succeeds and the goal is allowed; it is refused when any step or the goal is refused.
    /// </summary>
    private static CheckResult Attack(CheckSpec check, Scenario scenario, BuiltWorld loose, LearnerFiles files, Func<string, string> pathOf)
    {
        var challenge = scenario.Challenges.First(c => c.File == check.Attack);
        var attack = files.Attacks[challenge.File];
        var built = loose;
        if (check.Fixed)
        {
            var (world, problem) = files.Fixed(challenge);
            if (world is null)
            {
                return Result(check, CheckStatus.Error, $"The challenge's fixed world cannot be built: {problem}", Explained.None, pathOf);
            }

            built = world;
        }

        built.Clock.Set(check.At ?? scenario.Clock);
        var runner = new StepRunner(built);
        if (challenge.Foothold.User is { } user)
        {
            if (built.KeyOf(user) is not { } key)
            {
                return Result(check, CheckStatus.Error, $"The foothold {user} is not a user of the world.", Explained.None, pathOf);
            }

            runner.StartFrom(key);
        }

        var where = check.Fixed ? "the fixed world" : "the loose world";
        var expectIn = check.Expect!.Kind == ExpectKind.Allowed;
        for (var i = 0; i < attack.Steps.Count; i++)
        {
            var step = attack.Steps[i];
            if (step.After > TimeSpan.Zero)
            {
                built.Clock.Set(built.Clock.GetUtcNow() + step.After);
            }

            // INVARIANT: a service step never runs without the chain's credentials: without them the world itself would
            // create the function, with any role, for free.
            if (step.LambdaFunction is not null && runner.Current is null)
            {
                return Blocked(check, $"Step {i + 1} (Lambda) has no credentials to create a function with: get a session first.", Explained.None, pathOf, step.Spot.Line);
            }

            var outcome = runner.Run(step, out var problem);
            if (outcome is null)
            {
                return Blocked(check, $"Step {i + 1} ({step.Describe()}) cannot be made: {problem}", Explained.None, pathOf, step.Spot.Line);
            }

            if (!outcome.Succeeded)
            {
                var message = $"In {where}, step {i + 1} ({step.Describe()}) was refused with {outcome.Describe()}.";
                return Blocked(check, message, WithAws(outcome), pathOf, step.Spot.Line);
            }
        }

        if (runner.Current is null)
        {
            return Blocked(check, "The chain made no credentials to make the goal's request with.", Explained.None, pathOf, 1);
        }

        var goal = runner.Run(new StepSpec { Request = challenge.Goal, Spot = challenge.Spot }, out var goalProblem);
        if (goal is null)
        {
            return Result(check, CheckStatus.Error, $"The challenge's goal cannot be requested: {goalProblem}", Explained.None, pathOf);
        }

        var goalText = $"the goal ({challenge.Goal.Action} on {challenge.Goal.Resource})";
        if (!goal.Succeeded)
        {
            return Blocked(check, $"In {where}, every step worked but {goalText} was refused with {goal.Describe()}.", WithAws(goal), pathOf, 1);
        }

        return expectIn
            ? Result(check, CheckStatus.Pass, $"In {where}, the attack reached {goalText}, as expected.", Explained.None, pathOf)
            : Result(check, CheckStatus.Fail, $"In {where}, the attack still reached {goalText}: it does not use the hole the fix closes.", Explained.None, pathOf);

        CheckResult Blocked(CheckSpec c, string message, Explained why, Func<string, string> path, int line) => expectIn
            ? Result(c, CheckStatus.Fail, message, why with { File = why.File ?? challenge.File, Line = why.File is null ? line : why.Line }, path)
            : Result(c, CheckStatus.Pass, $"{message} The fix stops the attack, as expected.", Explained.None, path);
    }

    /// <summary>The learner's findings field must name what the incident's call recorded (any of its events).</summary>
    private static CheckResult Findings(CheckSpec check, BuiltWorld built, LearnerFiles files, Func<string, string> pathOf)
    {
        var spec = check.Findings!;
        var given = files.Findings[spec.File].Value(spec.Field);
        var events = built.IncidentEvents.GetValueOrDefault(spec.Call) ?? [];
        if (events.Count == 0)
        {
            return Result(check, CheckStatus.Error, $"The incident's call {spec.Call} recorded no event.", Explained.None, pathOf);
        }

        if (given is null)
        {
            return Result(check, CheckStatus.Fail, $"{spec.File} names no {spec.Field}.", Explained.None with { File = spec.File, Line = 1 }, pathOf);
        }

        var comparison = spec.Field == FindingsFile.EventId ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return events.Any(e => string.Equals(Fact(e, spec.Field), given, comparison))
            ? Result(check, CheckStatus.Pass, $"{spec.File}'s {spec.Field} names the attacker's call.", Explained.None, pathOf)
            : Result(check, CheckStatus.Fail, $"{spec.File}'s {spec.Field} \"{given}\" is not the attacker's: look again at the log.", Explained.None with { File = spec.File, Line = 1 }, pathOf);
    }

    private static string? Fact(TrailEvent e, string field) => field switch
    {
        FindingsFile.EventId => e.EventId,
        FindingsFile.SourceIp => e.SourceIpAddress,
        FindingsFile.AccessKeyId => e.UserIdentity.AccessKeyId,
        _ => e.RequestParameters?["roleSessionName"]?.GetValue<string>(),
    };
}
