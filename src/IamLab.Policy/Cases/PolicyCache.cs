using System.Collections.Concurrent;
using IamLab.Policy.Json;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;

namespace IamLab.Policy.Cases;

/// <summary>
/// Policies read once per distinct text within a run: a batch of cases repeats its policies, and a policy
/// seen again (byte for byte) is not parsed again. Safe to share between threads; bounded, so a file of a million
/// distinct policies does not grow memory with it.
/// </summary>
/// <remarks>
/// A policy is kept only from its second sighting on: the first time, only a hash of its text is noted (in a small
/// lossy table). A file whose policies never repeat so costs one hash per policy and keeps nothing alive; keeping
/// every policy "just in case" measured 2.5 times the CPU time there, the cached documents being copied from one
/// garbage collector generation to the next until the cache was cleared (docs/performance.md).
/// </remarks>
/// <remarks>
/// INVARIANT: a cached <see cref="PolicyDocument"/> is never changed after reading (the reader sets every
/// parsed value before returning), so one instance serves any number of concurrent authorizations.
/// </remarks>
public sealed class PolicyCache
{
    /// <summary>The most policies kept; past it the cache starts again empty (a crude but bounded policy).</summary>
    public const int MaxEntries = 4096;

    private const int SeenSlots = 1 << 16;

    /// <summary>The longest policy text kept (AWS's largest policies are about 20 KB).</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly ConcurrentDictionary<byte[], PolicyDocument?> entries = new(ByteTextComparer.Instance);
    private readonly ConcurrentDictionary<byte[], PolicyDocument?>.AlternateLookup<ReadOnlySpan<byte>> lookup;

    // INVARIANT: only a hint. A slot may be overwritten by another text or raced on: that costs a parse, never a wrong policy.
    private readonly int[] seen = new int[SeenSlots];

    /// <summary>Makes an empty cache.</summary>
    public PolicyCache() => lookup = entries.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>
    /// The policy in <paramref name="utf8"/>, read without positions, or null when reading it found anything at
    /// all to report (the caller then reads the case again with positions, so every finding has its line and column).
    /// </summary>
    public PolicyDocument? Get(ReadOnlySpan<byte> utf8)
    {
        if (lookup.TryGetValue(utf8, out var cached))
        {
            return cached;
        }

        var policy = Read(utf8);
        var hash = ByteTextComparer.Hash(utf8);
        ref var slot = ref seen[hash & (SeenSlots - 1)];
        if (slot != hash)
        {
            slot = hash;
        }
        else if (utf8.Length <= MaxBytes)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            lookup.TryAdd(utf8, policy);
        }

        return policy;
    }

    private static PolicyDocument? Read(ReadOnlySpan<byte> utf8)
    {
        var (node, _) = SourceReader.Read(utf8, positions: false);
        if (node is null)
        {
            return null;
        }

        var read = PolicyReader.Read(node);
        return read.Diagnostics.Count == 0 ? read.Policy : null;
    }

    /// <summary>Compares UTF-8 texts by their bytes, and lets a span look up an array key without copying it.</summary>
    private sealed class ByteTextComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteTextComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        public static int Hash(ReadOnlySpan<byte> text)
        {
            var hash = new HashCode();
            hash.AddBytes(text);
            return hash.ToHashCode();
        }
    }
}
