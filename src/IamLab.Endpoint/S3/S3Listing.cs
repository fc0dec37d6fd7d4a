using System.Text;

namespace IamLab.Endpoint.S3;

/// <summary>
/// One page of ListObjectsV2 over a bucket's keys (in S3's order): the objects and the common prefixes that
/// roll up keys sharing the part up to the delimiter, at most <c>max-keys</c> of both together, and the token
/// that continues after the last one.
/// </summary>
public sealed class S3Listing
{
    private S3Listing(IReadOnlyList<string> keys, IReadOnlyList<string> commonPrefixes, bool isTruncated, string? nextToken)
    {
        Keys = keys;
        CommonPrefixes = commonPrefixes;
        IsTruncated = isTruncated;
        NextContinuationToken = nextToken;
    }

    /// <summary>The object keys of the page, in order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The common prefixes of the page, in order.</summary>
    public IReadOnlyList<string> CommonPrefixes { get; }

    /// <summary>Whether more results follow.</summary>
    public bool IsTruncated { get; }

    /// <summary>The token for the next page, when truncated.</summary>
    public string? NextContinuationToken { get; }

    /// <summary>The number of keys and common prefixes returned (<c>KeyCount</c>).</summary>
    public int KeyCount => Keys.Count + CommonPrefixes.Count;

    /// <summary>Lists one page.</summary>
    /// <param name="sortedKeys">Every key of the bucket, in ascending ordinal order.</param>
    /// <param name="prefix">Only keys starting with this; empty for all.</param>
    /// <param name="delimiter">The delimiter that rolls keys up into common prefixes, or null.</param>
    /// <param name="maxKeys">The most keys and prefixes to return.</param>
    /// <param name="after">Start after this key (the decoded continuation token or <c>start-after</c>), or null.</param>
    /// <returns>The page.</returns>
    public static S3Listing Page(IEnumerable<string> sortedKeys, string prefix, string? delimiter, int maxKeys, string? after)
    {
        ArgumentNullException.ThrowIfNull(sortedKeys);
        ArgumentNullException.ThrowIfNull(prefix);
        var keys = new List<string>();
        var prefixes = new List<string>();
        string? lastConsumed = null;
        string? currentPrefix = null;
        var truncated = false;
        foreach (var key in sortedKeys)
        {
            if ((after is not null && string.CompareOrdinal(key, after) <= 0) || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // INVARIANT: keys rolled into the common prefix already returned are consumed without counting.
            if (currentPrefix is not null && key.StartsWith(currentPrefix, StringComparison.Ordinal))
            {
                lastConsumed = key;
                continue;
            }

            if (keys.Count + prefixes.Count >= maxKeys)
            {
                truncated = true;
                break;
            }

            var cut = string.IsNullOrEmpty(delimiter) ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            if (cut >= 0)
            {
                currentPrefix = key[..(cut + delimiter!.Length)];
                prefixes.Add(currentPrefix);
            }
            else
            {
                keys.Add(key);
            }

            lastConsumed = key;
        }

        var token = truncated && lastConsumed is not null ? EncodeToken(lastConsumed) : null;
        return new S3Listing(keys, prefixes, truncated, token);
    }

    /// <summary>The continuation token that resumes after <paramref name="key"/>.</summary>
    /// <param name="key">The last key consumed.</param>
    /// <returns>An opaque token.</returns>
    public static string EncodeToken(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("lab1:" + key));

    /// <summary>The key a continuation token resumes after, or null when the token is not one of the lab's.</summary>
    /// <param name="token">The token as sent.</param>
    /// <returns>The key or null.</returns>
    public static string? DecodeToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        return text.StartsWith("lab1:", StringComparison.Ordinal) ? text[5..] : null;
    }
}
