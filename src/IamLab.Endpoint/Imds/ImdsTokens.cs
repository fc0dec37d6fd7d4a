using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// IMDSv2 session tokens: made by <c>PUT /latest/api/token</c> for one instance with a lifetime of 1 to 21,600
/// seconds, and required (header <c>X-aws-ec2-metadata-token</c>) by every read. A token is good only for the
/// instance it was made for. Tokens live in memory: a restarted endpoint asks clients for new ones, as a rebooted
/// instance does.
/// </summary>
public sealed class ImdsTokens
{
    /// <summary>The longest lifetime IMDS grants: six hours.</summary>
    public const int MaxTtlSeconds = 21600;

    /// <summary>How many live tokens are kept before expired ones are dropped.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (string InstanceId, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="time">The clock expiry is measured by (the world's).</param>
    public ImdsTokens(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Makes a token for <paramref name="instanceId"/> valid for <paramref name="ttlSeconds"/>.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="ttlSeconds">1 to 21,600.</param>
    /// <returns>The token.</returns>
    public string Issue(string instanceId, int ttlSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttlSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ttlSeconds, MaxTtlSeconds);
        var now = _time.GetUtcNow();
        if (_tokens.Count >= Capacity)
        {
            foreach (var (token, entry) in _tokens)
            {
                if (entry.Expires <= now)
                {
                    _tokens.TryRemove(token, out _);
                }
            }
        }

        var issued = Convert.ToBase64String(RandomNumberGenerator.GetBytes(40)).Replace('+', '-').Replace('/', '_');
        _tokens[issued] = (instanceId, now.AddSeconds(ttlSeconds));
        return issued;
    }

    /// <summary>Whether <paramref name="token"/> is live and was made for <paramref name="instanceId"/>.</summary>
    /// <param name="token">The header's value, or null.</param>
    /// <param name="instanceId">The instance asking.</param>
    /// <returns>True when the token may read this instance's metadata.</returns>
    public bool IsValid(string? token, string instanceId) =>
        token is not null && _tokens.TryGetValue(token, out var entry) && entry.InstanceId == instanceId && _time.GetUtcNow() < entry.Expires;
}
