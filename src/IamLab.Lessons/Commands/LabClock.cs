using IamLab.Lessons.Text;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.World;

namespace IamLab.Lessons.Commands;

/// <summary>Moves a world's clock for <c>#!lab-advance</c> and <c>--at</c>, in the notebooks and the labs apps.</summary>
public static class LabClock
{
    /// <summary>
    /// Sets the clock of <paramref name="world"/> to <paramref name="instant"/>. Only a scenario's clock moves, and only
    /// forward; otherwise USAGE, naming <paramref name="parameter"/>.
    /// </summary>
    public static void MoveForward(LabWorld world, DateTimeOffset instant, string parameter)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (world.Time is not GradingClock clock)
        {
            throw new LabCommandException(ErrorCodes.Usage,
                $"{parameter}: this world keeps the TimeProvider it was built with (Lab.Use); move that clock in C# instead (FakeTimeProvider.Advance).");
        }

        var now = clock.GetUtcNow();
        if (instant < now)
        {
            throw new LabCommandException(ErrorCodes.Usage,
                $"{parameter}: the world's clock only moves forward; {Times.Iso(instant)} is before its time now, {Times.Iso(now)}.");
        }

        if (instant >= ScenarioClock.End)
        {
            throw new LabCommandException(ErrorCodes.Usage,
                $"{parameter}: {Times.Iso(instant)} is not before {ScenarioClock.EndText}; the world's clock stays before it ({ScenarioClock.Why}).");
        }

        clock.Set(instant);
    }
}
