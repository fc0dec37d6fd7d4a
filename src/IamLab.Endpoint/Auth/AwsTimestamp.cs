using System.Globalization;

namespace IamLab.Endpoint.Auth;

/// <summary>SigV4's ISO 8601 basic timestamps: <c>20261128T000000Z</c> and the date <c>20261128</c>.</summary>
public static class AwsTimestamp
{
    /// <summary>The <c>X-Amz-Date</c> format.</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Formats an instant as <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The timestamp text.</returns>
    public static string ToText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyyMMddTHHmmssZ</c>; falls back to an RFC 1123 date as in the <c>Date</c> header.</summary>
    /// <param name="text">The header or query value.</param>
    /// <param name="instant">The parsed instant (UTC).</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, utc, out instant))
        {
            return true;
        }

        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, utc, out instant);
    }
}
