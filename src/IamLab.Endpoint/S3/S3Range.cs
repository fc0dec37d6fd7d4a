using System.Globalization;

namespace IamLab.Endpoint.S3;

/// <summary>
/// One byte range of GetObject's <c>Range</c> header (<c>bytes=FIRST-LAST</c>, <c>bytes=FIRST-</c>, <c>bytes=-SUFFIX</c>).
/// S3 serves a single range; a header it cannot read is ignored (the whole object is returned, as HTTP allows).
/// </summary>
/// <param name="First">The first byte.</param>
/// <param name="Last">The last byte, inclusive.</param>
public readonly record struct S3Range(long First, long Last)
{
    /// <summary>The number of bytes in the range.</summary>
    public long Length => Last - First + 1;

    /// <summary>The <c>Content-Range</c> value for an object of <paramref name="size"/> bytes.</summary>
    /// <param name="size">The object's size.</param>
    /// <returns>E.g. <c>bytes 0-99/1000</c>.</returns>
    public string ContentRange(long size) => string.Create(CultureInfo.InvariantCulture, $"bytes {First}-{Last}/{size}");

    /// <summary>Reads the header against an object of <paramref name="size"/> bytes.</summary>
    /// <param name="header">The header value, or null.</param>
    /// <param name="size">The object's size.</param>
    /// <param name="unsatisfiable">True when the header is a valid range that lies outside the object (416 InvalidRange).</param>
    /// <returns>The range to serve, or null for the whole object.</returns>
    public static S3Range? Parse(string? header, long size, out bool unsatisfiable)
    {
        unsatisfiable = false;
        if (header is null || !header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var firstText = spec[..dash];
        var lastText = spec[(dash + 1)..];
        const NumberStyles Digits = NumberStyles.None;
        if (firstText.Length == 0)
        {
            if (!long.TryParse(lastText, Digits, CultureInfo.InvariantCulture, out var suffix) || suffix == 0)
            {
                unsatisfiable = lastText == "0";
                return null;
            }

            return size == 0 ? Unsatisfiable(out unsatisfiable) : new S3Range(Math.Max(0, size - suffix), size - 1);
        }

        if (!long.TryParse(firstText, Digits, CultureInfo.InvariantCulture, out var first))
        {
            return null;
        }

        var last = size - 1;
        if (lastText.Length > 0 && (!long.TryParse(lastText, Digits, CultureInfo.InvariantCulture, out last) || last < first))
        {
            return null;
        }

        return first >= size ? Unsatisfiable(out unsatisfiable) : new S3Range(first, Math.Min(last, size - 1));
    }

    private static S3Range? Unsatisfiable(out bool unsatisfiable)
    {
        unsatisfiable = true;
        return null;
    }
}
