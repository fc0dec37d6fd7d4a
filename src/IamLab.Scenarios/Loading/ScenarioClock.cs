using System.Globalization;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// How far a scenario's clock may go. Every time a scenario names (<c>clock</c>, a check's <c>at</c>, any date) and every
/// time its checks and incident reach by waiting (<c>after:</c>) stays before <see cref="End"/>, so that what the world
/// computes from the clock (a session's expiry, at most 36 hours on; a token's lifetime; an attack file's own waits, at
/// most 12 steps of 7 days) stays inside .NET's calendar instead of throwing while grading.
/// </summary>
public static class ScenarioClock
{
    /// <summary>The first instant a scenario's clock may not reach (the start of the calendar's last year).</summary>
    public static readonly DateTimeOffset End = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="End"/> as messages write it.</summary>
    public const string EndText = "9999-01-01T00:00:00Z";

    /// <summary>Why, in the words of a message.</summary>
    public const string Why = "the calendar's last year is kept for the sessions and waits that follow a time";

    /// <summary>Reports, at the step, every check (and the incident) whose waits carry the clock to <see cref="End"/> or past it.</summary>
    internal static void CheckWaits(IEnumerable<CheckSpec> checks, IReadOnlyList<StepSpec> incident, DateTimeOffset clock, YamlSource source)
    {
        foreach (var check in checks)
        {
            CheckWaits(check.Steps, check.At ?? clock, "this check", source);
        }

        CheckWaits(incident, clock, "the incident", source);
    }

    private static void CheckWaits(IReadOnlyList<StepSpec> steps, DateTimeOffset start, string whose, YamlSource source)
    {
        var now = start;
        foreach (var step in steps)
        {
            // INVARIANT: now < End and After <= LabDuration.MaxWait, so the sum cannot leave DateTimeOffset's range.
            now += step.After;
            if (now >= End)
            {
                source.Problems.Add(new ScenarioProblem(ScenarioCodes.InvalidValue,
                    $"The waits of {whose} carry the world's clock to {now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}; a scenario's clock must stay before {EndText}.", step.Spot));
                return;
            }
        }
    }
}
