using System.Globalization;

namespace IamLab.Policy.Conditions;

/// <summary>Parses the date forms AWS accepts in conditions and context keys: ISO 8601 and epoch seconds.</summary>
public static class DateValue
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyyMMdd'T'HHmmssK",
    ];

    /// <summary>Parses a date; a time without an offset is read as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (!text.IsEmpty && (char.IsAsciiDigit(text[0]) || text[0] == '-') && IsEpoch(text))
        {
            value = default;
            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                || seconds < -62135596800d || seconds > 253402300799d)
            {
                return false;
            }

            value = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            return true;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool IsEpoch(ReadOnlySpan<char> text)
    {
        var start = text[0] == '-' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        foreach (var c in text[start..])
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        // An ISO date without dashes (20260101) would also be all digits; eight digits are read as a date.
        return text.Length - start != 8;
    }
}
