using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Makes a scenario's incident happen in a world just built: its calls run in order (a chain as in a check's steps, the
/// clock moved by <c>after:</c> where the world runs on the grading clock), each through the world's STS and authorizer,
/// so the event log holds them as it holds any call. Every build of the scenario's world replays it, first, so the
/// events have the same ids wherever the world is built (grader, notebook, labs app, endpoint). A refused call is part of
/// the story (an attacker's failed try); only a call the world cannot make at all is the scenario's mistake.
/// </summary>
internal static class IncidentReplay
{
    /// <summary>Replays the incident into <paramref name="built"/>; the problem when the scenario's incident is wrong, else null.</summary>
    public static string? Run(Scenario scenario, BuiltWorld built)
    {
        if (scenario.Incident.Count == 0)
        {
            return null;
        }

        built.Clock.Set(scenario.Clock);
        var runner = new StepRunner(built);
        foreach (var step in scenario.Incident)
        {
            if (step.After > TimeSpan.Zero)
            {
                built.Clock.Set(built.Clock.GetUtcNow() + step.After);
            }

            var before = built.World.Events.Recorded;
            if (runner.Run(step, out var problem) is null)
            {
                return $"the incident's call at {step.Spot}: {problem}";
            }

            if (step.Name is { } name)
            {
                var count = (int)(built.World.Events.Recorded - before);
                built.IncidentEvents[name] = count == 0 ? [] : [.. built.World.Events.Events().TakeLast(count)];
            }
        }

        built.Clock.Set(scenario.Clock);
        return null;
    }
}
