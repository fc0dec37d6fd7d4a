using System.Globalization;

namespace IamLab.Endpoint.Hosting;

/// <summary>Times as AWS's XML responses write them: ISO 8601 in UTC, e.g. <c>2019-11-09T13:34:41Z</c>.</summary>
public static class WireTime
{
    /// <summary>The time in AWS's response format.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
