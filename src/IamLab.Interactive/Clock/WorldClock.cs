using System.Globalization;
using IamLab.Interactive.Commands;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;

namespace IamLab.Interactive.Clock;

/// <summary>
/// Moves a scenario world's clock for <c>#!lab-advance</c> and the commands' <c>--at</c>. The clock starts at the
/// scenario's fixed instant (grades stay repeatable) and moves only forward, only when told: a session issued at
/// 12:00 with one hour expires when the notebook has moved the clock to 13:00, whatever the wall clock says.
/// </summary>
internal static class WorldClock
{
    /// <summary>The world's time now.</summary>
    public static DateTimeOffset Now(LabNotebook notebook) => notebook.RequireWorld().Time.GetUtcNow();

    /// <summary>Moves the clock to <paramref name="instant"/>, which must not be before the world's time now.</summary>
    public static void MoveTo(LabNotebook notebook, DateTimeOffset instant, string parameter)
    {
        var world = notebook.RequireWorld();
        if (world.Time is not GradingClock clock)
        {
            throw new LabCommandException(ErrorCodes.Usage,
                $"{parameter}: this world keeps the TimeProvider it was built with (Lab.Use); move that clock in C# instead (FakeTimeProvider.Advance).");
        }

        var now = clock.GetUtcNow();
        if (instant < now)
        {
            throw new LabCommandException(ErrorCodes.Usage,
                $"{parameter}: the world's clock only moves forward; {Formatting.Html.Time(instant)} is before its time now, {Formatting.Html.Time(now)}.");
        }

        clock.Set(instant);
        if (notebook.Scenario is { } scenario)
        {
            notebook.ClockAdvance = instant - scenario.Scenario.Clock;
        }

        SdkClock.Sync(notebook);
    }

    /// <summary>A duration written as <c>20m</c>, <c>1h30m</c>, <c>90s</c>, <c>2d</c> (<see cref="LabDuration"/>).</summary>
    public static TimeSpan Duration(string? text, string parameter) =>
        LabDuration.TryParse(text, out var duration, out var problem)
            ? duration
            : throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{text}\" {problem}");

    /// <summary>
    /// An <c>--at</c> value: a duration from the world's time now (<c>+20m</c> or <c>20m</c>) or an instant with its offset
    /// (<c>2026-01-15T13:30:00Z</c>).
    /// </summary>
    public static DateTimeOffset At(string text, DateTimeOffset now, string parameter)
    {
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        if (trimmed.Length > 0 && char.IsDigit(trimmed[0]) && trimmed.Contains('-', StringComparison.Ordinal))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{text}\" is not an instant with its offset; write e.g. 2026-01-15T13:30:00Z, or a duration from now such as +20m.");
        }

        return now + Duration(trimmed.TrimStart('+'), parameter);
    }
}
