using IamLab.World.S3;
using IamLab.World.Sts;

namespace IamLab.World.State;

/// <summary>
/// Every live record of the world at one moment, taken while the world's lock is held and written to disk after it is
/// let go (a compaction). The small records are already encoded; objects and sessions are kept as references and
/// encoded as they are written. That is safe because neither changes once it is in the world: a put replaces an
/// object, and a session is complete before the request that made it lets the lock go.
/// </summary>
internal sealed class StoreSnapshot(List<StoreChange> encoded, KeyValuePair<string, BucketObject>[] objects, Session[] sessions)
{
    /// <summary>Hands every record to <paramref name="sink"/> as a put, in the order a fresh store writes them; stops when <paramref name="cancel"/> is set.</summary>
    public void Produce(Action<StoreChange> sink, CancellationToken cancel)
    {
        foreach (var change in encoded)
        {
            sink(change);
        }

        var scratch = new RecordWriter();
        foreach (var (key, item) in objects)
        {
            cancel.ThrowIfCancellationRequested();
            scratch.Clear();
            ObjectCodec.Write(scratch, item);
            sink(new StoreChange(RecordKind.Object, key, scratch.ToArray()));
        }

        for (var i = 0; i < sessions.Length; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            scratch.Clear();
            SessionCodec.Write(scratch, sessions[i]);
            sink(new StoreChange(RecordKind.Session, sessions[i].AccessKeyId, scratch.ToArray()));
        }
    }
}
