using System.Text;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// The URI encoding SigV4 prescribes: every byte of the UTF-8 form is written as
/// <c>%XY</c> (upper-case hex) except the unreserved characters <c>A-Z a-z 0-9 - _ . ~</c>.
/// A space becomes <c>%20</c>, never <c>+</c>.
/// </summary>
public static class AwsUriEncoding
{
    /// <summary>Encodes <paramref name="value"/> as SigV4's <c>UriEncode()</c> does.</summary>
    /// <param name="value">The decoded text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes RFC 3986 percent-escapes. Unlike form decoding, <c>+</c> stays a plus sign, which is
    /// what SigV4 signers assume for paths and query strings.
    /// </summary>
    /// <param name="value">The text as it appeared in the URL.</param>
    /// <returns>The decoded text; escapes that do not form valid UTF-8 are left as written.</returns>
    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
