namespace IamLab.World.Limits;

/// <summary>
/// How big a world may grow where AWS has no quota of its own that the lab could copy (docs/security.md, "World size
/// limits"): a learner's world runs on their machine, and a loop of calls (or a page, a peer, a script gone wrong) must
/// not fill its memory or disk. Past a limit, the call that would grow the world is refused with <c>LimitExceeded</c>
/// and a message that says it is the lab's limit; nothing is changed. IAM's own quotas are <see cref="IamQuotas"/>.
/// Not saved with the world: a loaded world gets the defaults (or what its host sets).
/// </summary>
public sealed class WorldLimits
{
    /// <summary>Accounts in the world (the root convention makes one on first use of a 12-digit key).</summary>
    public int MaxAccounts { get; set; } = 1_000;

    /// <summary>
    /// STS sessions kept at once (live ones, and expired ones for a day while they still answer ExpiredToken).
    /// Two million leaves room for the million-session worlds the store is measured with.
    /// </summary>
    public int MaxSessions { get; set; } = 2_000_000;

    /// <summary>S3 objects in all buckets together.</summary>
    public int MaxObjects { get; set; } = 100_000;

    /// <summary>Bytes of S3 object content in all buckets together (1 GiB).</summary>
    public long MaxObjectBytes { get; set; } = 1L << 30;
}
