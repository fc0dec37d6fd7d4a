using System.Globalization;
using System.Text.RegularExpressions;

namespace IamLab.Scenarios.Model;

/// <summary>
/// A duration as the lab writes it: <c>20m</c>, <c>1h30m</c>, <c>90s</c>, <c>2d</c> (days, hours, minutes, seconds, in that
/// order, each at most once). One reader serves a scenario step's <c>after:</c> and the notebook's <c>#!lab-advance</c>.
/// </summary>
public static partial class LabDuration
{
    /// <summary>The examples every message about a bad duration gives.</summary>
    public const string Examples = "20m, 1h30m, 90s or 2d";

    /// <summary>The longest wait a step may put before its call (<c>after:</c>).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(7);

    /// <summary>
    /// Reads <paramref name="text"/>; false with <paramref name="problem"/> (what follows the quoted text in a message, such
    /// as <c>is not a duration; write e.g. 20m, 1h30m, 90s or 2d.</c>) when it is not a duration.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan duration, out string? problem)
    {
        duration = TimeSpan.Zero;
        problem = null;
        var match = DurationText().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || match.Length == 0 || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success))
        {
            problem = $"is not a duration; write e.g. {Examples}.";
            return false;
        }

        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            duration = checked(new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), Part(match.Groups["s"])));
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            problem = "is too long a duration.";
            return false;
        }
    }

    /// <summary><paramref name="duration"/> as the lab writes it (<c>7d1h</c>, <c>90s</c>): whole days, hours, minutes and seconds, zeros left out.</summary>
    public static string Format(TimeSpan duration)
    {
        var text = string.Concat(
            duration.Days > 0 ? $"{duration.Days}d" : string.Empty,
            duration.Hours > 0 ? $"{duration.Hours}h" : string.Empty,
            duration.Minutes > 0 ? $"{duration.Minutes}m" : string.Empty,
            duration.Seconds > 0 ? $"{duration.Seconds}s" : string.Empty);
        return text.Length == 0 ? "0s" : text;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,7})s)?$")]
    private static partial Regex DurationText();
}
