using System.Globalization;

namespace IamLab.Lessons.Text;

/// <summary>How the lab writes instants and durations, in notebooks, charts and the labs apps alike.</summary>
public static class Times
{
    /// <summary>An ISO 8601 UTC time, seconds precision.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration in words: "1 h 0 min", "59 min 59 s", "12 s".</summary>
    public static string Duration(TimeSpan span)
    {
        var negative = span < TimeSpan.Zero;
        span = span.Duration();
        var text = span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
            : span.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s")
                : string.Create(CultureInfo.InvariantCulture, $"{span.Seconds} s");
        return negative ? "-" + text : text;
    }
}
