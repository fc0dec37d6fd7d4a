namespace IamLab.Scenarios.Grading;

/// <summary>
/// The clock of a scenario's world: it starts at the scenario's fixed instant (<c>clock:</c> in scenario.yaml), so that
/// grades do not depend on the day they are computed, and moves only when told: each check may move it (its
/// <c>at</c>), and a notebook moves it with <c>#!lab-advance</c>.
/// </summary>
public sealed class GradingClock(DateTimeOffset now) : TimeProvider
{
    private long ticks = now.UtcTicks;

    /// <summary>Sets the time to <paramref name="instant"/>.</summary>
    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref ticks, instant.UtcTicks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);
}
