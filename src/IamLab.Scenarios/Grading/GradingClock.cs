namespace IamLab.Scenarios.Grading;

/// <summary>The world's clock while grading: a fixed instant that each check may move (its <c>at</c>).</summary>
internal sealed class GradingClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public void Set(DateTimeOffset instant) => now = instant;

    public override DateTimeOffset GetUtcNow() => now;
}
