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

        if (TryParseUtcSeconds(text, out value))
        {
            return true;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>The common form <c>yyyy-MM-ddTHH:mm:ssZ</c>, read by hand: it is what aws:CurrentTime holds.</summary>
    private static bool TryParseUtcSeconds(ReadOnlySpan<char> t, out DateTimeOffset value)
    {
        value = default;
        if (t.Length != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z')
        {
            return false;
        }

        static int Digits(ReadOnlySpan<char> s)
        {
            var n = 0;
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return -1;
                }

                n = (n * 10) + (c - '0');
            }

            return n;
        }

        int year = Digits(t[..4]), month = Digits(t[5..7]), day = Digits(t[8..10]), hour = Digits(t[11..13]), minute = Digits(t[14..16]), second = Digits(t[17..19]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
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
