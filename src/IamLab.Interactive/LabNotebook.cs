using IamLab.Interactive.Commands;
using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Interactive;

/// <summary>
/// The state the magic commands of one kernel share: the world (a scenario's, or one given by <see cref="Use"/>), the
/// texts of the policy cells, the last grade and the running endpoint.
/// </summary>
public sealed class LabNotebook
{
    private int sessionCounter;

    /// <summary>The world the commands act on; null until a scenario starts or <see cref="Use"/> is called.</summary>
    public LabWorld? World { get; private set; }

    /// <summary>The texts written by <c>#!lab-policy</c> cells, by file name.</summary>
    public Dictionary<string, string> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>The last grade report shown by <c>#!lab-grade</c>, or null.</summary>
    public IamLab.Scenarios.Grading.GradeReport? LastGrade { get; internal set; }

    /// <summary>The running endpoint's URL, or null.</summary>
    public Uri? EndpointUrl => Endpoint?.Url;

    internal EndpointHandle? Endpoint { get; set; }

    internal ScenarioHandle? Scenario { get; set; }

    /// <summary>
    /// How far the notebook has moved the scenario world's clock past the scenario's start (<c>#!lab-advance</c>,
    /// <c>--at</c>). A policy cell's rebuilt world keeps it; starting a scenario sets it back to zero.
    /// </summary>
    internal TimeSpan ClockAdvance { get; set; }

    /// <summary>The sessions the commands made (the call and the trust statement that allowed each) and the calls STS refused, for <c>#!lab-chain</c>.</summary>
    internal IamLab.Lessons.Chains.ChainLog Chains { get; } = new();

    /// <summary>Uses <paramref name="world"/> (built in C#) for the commands that need a world, forgetting any scenario.</summary>
    public void Use(LabWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Scenario?.Dispose();
        Scenario = null;
        ClockAdvance = TimeSpan.Zero;
        Chains.Clear();
        World = world;
    }

    /// <summary>The world, or NO_SCENARIO.</summary>
    internal LabWorld RequireWorld() =>
        World ?? throw new LabCommandException(ErrorCodes.NoScenario, "No scenario is started: run #!lab-scenario ID first (or call Lab.Use(world) with a world built in C#).");

    /// <summary>Replaces the world (a scenario started or rebuilt with new policy cells).</summary>
    internal void SetWorld(LabWorld world, ScenarioHandle? scenario)
    {
        if (Scenario is not null && !ReferenceEquals(Scenario, scenario))
        {
            Scenario.Dispose();
        }

        if (scenario is null || !ReferenceEquals(Scenario, scenario))
        {
            ClockAdvance = TimeSpan.Zero;
        }
        else if (world.Time is IamLab.Scenarios.Grading.GradingClock clock)
        {
            // The same scenario rebuilt by a policy cell: time does not go back.
            clock.Set(scenario.Scenario.Clock + ClockAdvance);
        }

        // A new world has none of the old one's sessions.
        Chains.Clear();
        World = world;
        Scenario = scenario;
    }

    /// <summary>A session by session name (the newest with that name) or access key id, or null.</summary>
    public Session? FindSession(string nameOrKey)
    {
        return CommandArguments.FindSession(World, nameOrKey);
    }

    /// <summary>A session name for a command that was given none: notebook-1, notebook-2, ...</summary>
    internal string NextSessionName() => $"notebook-{Interlocked.Increment(ref sessionCounter)}";
}
