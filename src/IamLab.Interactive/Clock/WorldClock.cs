using System.Globalization;
using System.Text.RegularExpressions;
using IamLab.Interactive.Commands;
using IamLab.Scenarios.Grading;

namespace IamLab.Interactive.Clock;

/// <summary>
/// Moves a scenario world's clock for <c>#!lab-advance</c> and the commands' <c>--at</c>. The clock starts at the
/// scenario's fixed instant (grades stay repeatable) and moves only forward, only when told: a session issued at
/// 12:00 with one hour expires when the notebook has moved the clock to 13:00, whatever the wall clock says.
/// </summary>
internal static partial class WorldClock
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

    /// <summary>A duration written as <c>20m</c>, <c>1h30m</c>, <c>90s</c>, <c>2d</c> (days, hours, minutes, seconds, in that order).</summary>
    public static TimeSpan Duration(string? text, string parameter)
    {
        var match = DurationText().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || match.Length == 0 || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{text}\" is not a duration; write e.g. 20m, 1h30m, 90s or 2d.");
        }

        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return checked(new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), Part(match.Groups["s"])));
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            throw new LabCommandException(ErrorCodes.Usage, $"{parameter}: \"{text}\" is too long a duration.");
        }
    }

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

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,7})s)?$")]
    private static partial Regex DurationText();
}
