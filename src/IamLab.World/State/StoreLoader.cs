using System.Text;
using System.Text.Json;
using IamLab.World.Accounts;
using IamLab.World.Errors;
using IamLab.World.S3;

namespace IamLab.World.State;

/// <summary>
/// Replays a journal into a world: the last value of each record wins, a delete removes it. Sessions and objects are
/// decoded as they are read; a JSON record only once, at the end, since an account is rewritten by many batches.
/// </summary>
internal sealed class StoreLoader
{
    private readonly Dictionary<string, byte[]>[] json = new Dictionary<string, byte[]>[10];
    private readonly SessionTable sessions;
    private readonly Dictionary<string, BucketObject> objects = new(StringComparer.Ordinal);
    private readonly StringPool pool = new();

    /// <param name="expectedSessions">About how many sessions the store holds (to size the table once).</param>
    public StoreLoader(int expectedSessions = 0)
    {
        sessions = new SessionTable(expectedSessions);
        for (var i = 0; i < json.Length; i++)
        {
            json[i] = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }
    }

    /// <summary>The bytes the live records take (for deciding when to compact).</summary>
    public long LiveBytes { get; private set; }

    public void Visit(RecordKind kind, ReadOnlySpan<byte> keyUtf8, ReadOnlySpan<byte> value, bool deleted)
    {
        if (kind == RecordKind.Session && !deleted)
        {
            var session = SessionCodec.Read(value, pool);
            if (!Ascii.Equals(keyUtf8, session.AccessKeyId))
            {
                throw new FormatException($"a session record's key does not match its access key id {session.AccessKeyId}");
            }

            sessions.Set(session.AccessKeyId, session);
            return;
        }

        var key = Encoding.UTF8.GetString(keyUtf8);
        switch (kind)
        {
            case RecordKind.Session:
                sessions.Remove(key);
                break;
            case RecordKind.Object when deleted:
                objects.Remove(key);
                break;
            case RecordKind.Object:
                objects[key] = ObjectCodec.Read(value);
                break;
            default:
                if (deleted)
                {
                    json[(int)kind].Remove(key);
                }
                else
                {
                    json[(int)kind][key] = value.ToArray();
                }

                break;
        }
    }

    /// <summary>Builds the world from the records read, and tells <paramref name="tracker"/> what the store holds.</summary>
    public IamResult<LabWorld> Build(string path, TimeProvider time, ChangeTracker tracker)
    {
        try
        {
            if (!json[(int)RecordKind.Meta].TryGetValue(string.Empty, out var metaBytes))
            {
                return StoreErrors.Corrupt(path, "it holds no settings record (region, seed, counter).");
            }

            var meta = Read<StoreMeta>(metaBytes);
            if (meta.FormatVersion > WorldData.CurrentFormatVersion)
            {
                return StoreErrors.TooNew(path, meta.FormatVersion, WorldData.CurrentFormatVersion);
            }

            var data = new WorldData
            {
                FormatVersion = meta.FormatVersion,
                Region = meta.Region,
                Seed = meta.Seed,
                Counter = meta.Counter,
                Organization = Single<Organization>(RecordKind.Organization),
                Federation = Single<FederationData>(RecordKind.Federation) ?? new FederationData(),
                Sessions = sessions,
            };
            Fill(data.Accounts, RecordKind.Account);
            Fill(data.Buckets, RecordKind.Bucket);
            Fill(data.Instances, RecordKind.Instance);
            Fill(data.Functions, RecordKind.Function);
            foreach (var (recordKey, item) in objects)
            {
                var bucketName = recordKey[..recordKey.IndexOf('/', StringComparison.Ordinal)];
                if (data.Buckets.TryGetValue(bucketName, out var bucket))
                {
                    bucket.Objects[item.Key] = item;
                    tracker.KnownObject(bucketName, item);
                    LiveBytes += item.Content.Length + recordKey.Length;
                }
            }

            foreach (var kind in Enum.GetValues<RecordKind>().Where(k => k is not RecordKind.Session and not RecordKind.Object))
            {
                foreach (var (key, value) in json[(int)kind])
                {
                    tracker.Known(kind, key, value);
                    LiveBytes += value.Length + key.Length;
                }
            }

            // Sessions are about 500 bytes each as records; the estimate only decides when to compact.
            LiveBytes += sessions.Count * 512L;
            sessions.TakeChanges();
            return new LabWorld(data, time);
        }
        catch (JsonException e)
        {
            return StoreErrors.Corrupt(path, e.Message);
        }
    }

    private T? Single<T>(RecordKind kind)
        where T : class =>
        json[(int)kind].TryGetValue(string.Empty, out var bytes) ? Read<T>(bytes) : null;

    private void Fill<T>(SortedDictionary<string, T> into, RecordKind kind)
        where T : class
    {
        foreach (var (key, bytes) in json[(int)kind])
        {
            into[key] = Read<T>(bytes);
        }
    }

    private static T Read<T>(byte[] bytes)
        where T : class =>
        JsonSerializer.Deserialize<T>(bytes, StateStore.RecordOptions) ?? throw new JsonException($"A {typeof(T).Name} record is null.");
}
