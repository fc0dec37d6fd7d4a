using System.Net;
using System.Text;

namespace IamLab.Endpoint.S3;

/// <summary>
/// S3's rules for names: general purpose bucket naming rules (3 to 63 characters; lowercase letters, digits, dots and
/// hyphens; a letter or digit at both ends; no two adjacent dots; not an IP address; AWS's reserved prefixes and
/// suffixes refused) and the 1,024-byte limit on object keys. A key is otherwise opaque: <c>../</c>, <c>//</c>
/// and any Unicode are part of the name and never touch a file system.
/// </summary>
public static class S3Names
{
    /// <summary>The longest key, in bytes of UTF-8.</summary>
    public const int MaxKeyBytes = 1024;

    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>Whether <paramref name="name"/> is a valid general purpose bucket name.</summary>
    /// <param name="name">The bucket name.</param>
    /// <returns>True when S3 would accept it for CreateBucket.</returns>
    public static bool IsValidBucketName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63 || !IsLetterOrDigit(name[0]) || !IsLetterOrDigit(name[^1]))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(IsLetterOrDigit(c) || c is '.' or '-') || (c == '.' && name[i - 1] == '.'))
            {
                return false;
            }
        }

        if (ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            || ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            return false;
        }

        // "Bucket names must not be formatted as an IP address (for example, 192.168.5.4)."
        return !(name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out _));
    }

    /// <summary>The key's length in bytes of UTF-8 when it is longer than S3 allows, else null.</summary>
    /// <param name="key">The object key.</param>
    /// <returns>The length when too long.</returns>
    public static int? KeyTooLong(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Encoding.UTF8.GetByteCount(key);
        return bytes > MaxKeyBytes ? bytes : null;
    }

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
