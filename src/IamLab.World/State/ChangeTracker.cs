using System.Text.Json;
using IamLab.World.S3;

namespace IamLab.World.State;

/// <summary>
/// Finds what changed in the world since the last call, as store records. Sessions, the one collection that grows
/// with use (a million is a target), are tracked as they change (<see cref="SessionTable"/> records the keys set or
/// removed), so their cost is proportional to the change. Objects are compared by reference (an object is immutable;
/// a put replaces it). The rest (accounts with their IAM entities, buckets, instances, functions, the organization,
/// the identity providers' keys) is small in any lab world and is compared as its JSON encoding against what was last
/// written: no world operation has to remember to report a change, and none can be missed.
/// INVARIANT: called only while the world's lock is held, so each call sees a consistent world.
/// </summary>
internal sealed class ChangeTracker
{
    // The order a fresh store writes the JSON records in (objects and sessions follow them).
    private static readonly RecordKind[] SnapshotOrder =
        [RecordKind.Meta, RecordKind.Organization, RecordKind.Federation, RecordKind.Account, RecordKind.Bucket, RecordKind.Instance, RecordKind.Function];

    private readonly Dictionary<string, byte[]>[] written = new Dictionary<string, byte[]>[10];
    private readonly Dictionary<string, BucketObject> objects = new(StringComparer.Ordinal);
    private readonly RecordWriter scratch = new();
    private string?[] federationSeen = [];

    public ChangeTracker()
    {
        for (var i = 0; i < written.Length; i++)
        {
            written[i] = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }
    }

    /// <summary>Records that the store already holds <paramref name="value"/> for a JSON record (after loading).</summary>
    public void Known(RecordKind kind, string key, byte[] value) => written[(int)kind][key] = value;

    /// <summary>Records that the store already holds this object (after loading).</summary>
    public void KnownObject(string bucket, BucketObject item) => objects[ObjectCodec.RecordKey(bucket, item.Key)] = item;

    /// <summary>
    /// Every record of the world, as puts, handed to <paramref name="changes"/> one at a time (a million sessions are
    /// not held as records all at once): the content of a fresh store or of a compaction.
    /// </summary>
    public void Everything(LabWorld world, Action<StoreChange> changes)
    {
        foreach (var table in written)
        {
            table.Clear();
        }

        objects.Clear();
        federationSeen = [];
        Changes(world, changes, allSessions: true);
        world.Data.Sessions.TakeChanges();
    }

    /// <summary>
    /// The whole world as the store will hold it once the changes last returned are written: taken right after
    /// <see cref="Changes(LabWorld)"/> within the same hold of the world's lock, so what was last written is the world.
    /// Costs a copy of references, not an encoding of every session.
    /// </summary>
    public StoreSnapshot Snapshot(LabWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var encoded = new List<StoreChange>();
        foreach (var kind in SnapshotOrder)
        {
            foreach (var (key, value) in written[(int)kind])
            {
                encoded.Add(new StoreChange(kind, key, value));
            }
        }

        return new StoreSnapshot(encoded, [.. objects], [.. world.Data.Sessions.Unordered]);
    }

    /// <summary>The records that differ from what was last returned.</summary>
    public List<StoreChange> Changes(LabWorld world)
    {
        var changes = new List<StoreChange>();
        Changes(world, changes.Add, allSessions: false);
        return changes;
    }

    private void Changes(LabWorld world, Action<StoreChange> changes, bool allSessions)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.SyncCounter();
        var data = world.Data;
        Single(changes, RecordKind.Meta, new StoreMeta { FormatVersion = data.FormatVersion, Region = data.Region, Seed = data.Seed, Counter = data.Counter });
        Single(changes, RecordKind.Organization, data.Organization);
        Federation(changes, data.Federation);
        Many(changes, RecordKind.Account, data.Accounts);
        Many(changes, RecordKind.Bucket, data.Buckets, b => new Bucket { Name = b.Name, AccountId = b.AccountId, CreationDate = b.CreationDate, Policy = b.Policy });
        Many(changes, RecordKind.Instance, data.Instances);
        Many(changes, RecordKind.Function, data.Functions);
        Objects(changes, data.Buckets);
        Sessions(changes, data.Sessions, allSessions);
    }

    private void Single<T>(Action<StoreChange> changes, RecordKind kind, T? value)
        where T : class
    {
        var table = written[(int)kind];
        if (value is null)
        {
            if (table.Remove(string.Empty))
            {
                changes(new StoreChange(kind, string.Empty, null));
            }

            return;
        }

        Compare(changes, kind, table, string.Empty, JsonSerializer.SerializeToUtf8Bytes(value, StateStore.RecordOptions));
    }

    // The identity providers' keys and certificates run to kilobytes and almost never change: their strings are
    // compared with what was last encoded (equal references first) before anything is encoded again.
    private void Federation(Action<StoreChange> changes, FederationData data)
    {
        string?[] now = [data.SamlEntityId, data.SamlKey, data.SamlCertificate, data.OidcKey, data.OidcCertificate, .. data.Jwks.SelectMany(j => new[] { j.Key, j.Value })];
        if (now.AsSpan().SequenceEqual(federationSeen))
        {
            return;
        }

        federationSeen = now;
        Single(changes, RecordKind.Federation, data);
    }

    private void Many<T>(Action<StoreChange> changes, RecordKind kind, IReadOnlyDictionary<string, T> values, Func<T, T>? shape = null)
        where T : class
    {
        var table = written[(int)kind];
        foreach (var (key, value) in values)
        {
            Compare(changes, kind, table, key, JsonSerializer.SerializeToUtf8Bytes(shape is null ? value : shape(value), StateStore.RecordOptions));
        }

        if (table.Count > values.Count)
        {
            foreach (var gone in table.Keys.Where(k => !values.ContainsKey(k)).ToList())
            {
                table.Remove(gone);
                changes(new StoreChange(kind, gone, null));
            }
        }
    }

    private static void Compare(Action<StoreChange> changes, RecordKind kind, Dictionary<string, byte[]> table, string key, byte[] now)
    {
        if (table.TryGetValue(key, out var before) && before.AsSpan().SequenceEqual(now))
        {
            return;
        }

        table[key] = now;
        changes(new StoreChange(kind, key, now));
    }

    private void Objects(Action<StoreChange> changes, IReadOnlyDictionary<string, Bucket> buckets)
    {
        var present = 0;
        foreach (var bucket in buckets.Values)
        {
            foreach (var item in bucket.Objects.Values)
            {
                present++;
                var key = ObjectCodec.RecordKey(bucket.Name, item.Key);
                if (objects.TryGetValue(key, out var before) && ReferenceEquals(before, item))
                {
                    continue;
                }

                objects[key] = item;
                scratch.Clear();
                ObjectCodec.Write(scratch, item);
                changes(new StoreChange(RecordKind.Object, key, scratch.ToArray()));
            }
        }

        if (objects.Count > present)
        {
            foreach (var gone in objects.Keys.Where(k => !StillThere(buckets, k)).ToList())
            {
                objects.Remove(gone);
                changes(new StoreChange(RecordKind.Object, gone, null));
            }
        }
    }

    private static bool StillThere(IReadOnlyDictionary<string, Bucket> buckets, string recordKey)
    {
        var slash = recordKey.IndexOf('/', StringComparison.Ordinal);
        return buckets.TryGetValue(recordKey[..slash], out var bucket) && bucket.Objects.ContainsKey(recordKey[(slash + 1)..]);
    }

    private void Sessions(Action<StoreChange> changes, SessionTable sessions, bool all)
    {
        if (all)
        {
            foreach (var session in sessions.Unordered)
            {
                changes(Session(session));
            }

            return;
        }

        foreach (var key in sessions.TakeChanges())
        {
            changes(sessions.TryGetValue(key, out var session) ? Session(session) : new StoreChange(RecordKind.Session, key, null));
        }
    }

    private StoreChange Session(Sts.Session session)
    {
        scratch.Clear();
        SessionCodec.Write(scratch, session);
        return new StoreChange(RecordKind.Session, session.AccessKeyId, scratch.ToArray());
    }
}
