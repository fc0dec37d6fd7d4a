using Microsoft.Win32.SafeHandles;

namespace IamLab.World.State;

/// <summary>
/// A compaction that runs beside the requests. The writer takes a <see cref="StoreSnapshot"/> while it holds the
/// world's lock, right after finding a batch's changes, and appends that batch as usual; from then on it goes on
/// appending batches to the store while this thread writes the snapshot to <c>PATH.tmp</c>, makes it durable, and
/// copies the batches appended since (they follow the snapshot, so replaying them after it gives today's world). When
/// it is done the writer, between two batches, copies the last few batches, fsyncs, renames the copy over the store,
/// fsyncs the folder and appends to the new file from then on.
/// </summary>
/// <remarks>
/// Until the rename the store on disk is the old journal, complete with every acknowledged batch, so a crash at any
/// moment of a compaction loses nothing: the copy is a temporary file that the next compaction replaces.
/// </remarks>
internal sealed class Compaction : IDisposable
{
    // The copy catches up with the journal until less than this is left for the writer to copy while requests wait.
    private const long CatchUpBytes = 1 << 20;

    private readonly string path;
    private readonly string temp;
    private readonly StoreSnapshot snapshot;
    private readonly SafeFileHandle journal;
    private readonly long snapshotEnd;
    private readonly long firstBatch;
    private readonly StoreDisk disk;
    private readonly Action done;
    private readonly CancellationTokenSource cancel = new();
    private readonly Thread thread;
    private long appended;
    private FileStream? copy;
    private long copied;
    private long copyFrom;
    private long snapshotBatches;
    private volatile bool finished;
    private bool swapped;

    /// <summary>Starts writing <paramref name="snapshot"/> beside the journal, which holds everything in it up to byte <paramref name="from"/>.</summary>
    /// <param name="path">The store's file (the copy is <c>PATH.tmp</c>).</param>
    /// <param name="snapshot">The world as the journal holds it at <paramref name="from"/>.</param>
    /// <param name="journal">The journal's open file, read for the batches appended after <paramref name="from"/>.</param>
    /// <param name="from">The journal's length when the snapshot was taken.</param>
    /// <param name="firstBatch">The number of the first batch appended after the snapshot.</param>
    /// <param name="disk">Where the copy is written.</param>
    /// <param name="done">Called on the compaction's thread when it has finished, well or not (wakes the writer).</param>
    public Compaction(string path, StoreSnapshot snapshot, SafeFileHandle journal, long from, long firstBatch, StoreDisk disk, Action done)
    {
        this.path = path;
        temp = path + ".tmp";
        this.snapshot = snapshot;
        this.journal = journal;
        this.firstBatch = firstBatch;
        this.disk = disk;
        this.done = done;
        appended = from;
        snapshotEnd = from;
        thread = new Thread(Run) { IsBackground = true, Name = "world store compaction" };
        thread.Start();
    }

    /// <summary>True once the thread has finished, well or not.</summary>
    public bool Finished => finished;

    /// <summary>True once <see cref="Dispose"/> has asked the thread to stop.</summary>
    public bool Cancelling => cancel.IsCancellationRequested;

    /// <summary>Why the compaction failed, when it did (the copy is then deleted and the journal goes on as it was).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The length of the snapshot written to the copy: the live data, without the batches copied after it.</summary>
    public long SnapshotBytes { get; private set; }

    /// <summary>Tells the compaction that the journal now holds <paramref name="length"/> bytes of whole batches (called by the writer after each append).</summary>
    public void Appended(long length) => Volatile.Write(ref appended, length);

    /// <summary>
    /// On the writer's thread, between two batches, once <see cref="Finished"/> without a failure: copies the batches
    /// appended since the thread's last copy, makes the copy durable and renames it over the store. From the rename on
    /// the returned file is the store; the caller must append to it and no longer to the old journal.
    /// </summary>
    /// <param name="journalLength">The journal's length now.</param>
    /// <param name="nextBatch">The number the journal's next batch would have.</param>
    /// <returns>The new store's file, and its length and batches as a scan would find them; the caller owns the file.</returns>
    /// <exception cref="IOException">The copy could not be finished or renamed; the old journal is still the store and the copy is deleted.</exception>
    public (FileStream File, JournalScan Scan) Swap(long journalLength, long nextBatch)
    {
        var file = copy ?? throw new InvalidOperationException("The compaction has not written its copy.");
        try
        {
            CopyUpTo(journalLength);
            disk.Flush(file.SafeFileHandle);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            Discard();
            throw;
        }

        copy = null;
        swapped = true;
        return (file, new JournalScan(copied, snapshotBatches + (nextBatch - firstBatch), null, null));
    }

    /// <summary>Stops the thread (cancelling a compaction still writing) and deletes the copy if it was not swapped in.</summary>
    public void Dispose()
    {
        cancel.Cancel();
        thread.Join();
        Discard();
        cancel.Dispose();
    }

    private void Run()
    {
        try
        {
            copy = PrivateFiles.Create(temp, shared: true);
            var written = JournalFile.WriteSnapshot(copy.SafeFileHandle, disk, sink => snapshot.Produce(sink, cancel.Token));
            snapshotBatches = written.Batches;
            copied = written.GoodLength;
            SnapshotBytes = written.GoodLength;
            var from = snapshotEnd;
            disk.Flush(copy.SafeFileHandle);
            while (Volatile.Read(ref appended) - from > CatchUpBytes)
            {
                cancel.Token.ThrowIfCancellationRequested();
                from = CopyRange(from, Volatile.Read(ref appended));
            }

            copyFrom = from;
        }
        catch (OperationCanceledException e)
        {
            Failure = e;
            Discard();
        }
        catch (IOException e)
        {
            Failure = e;
            Discard();
        }
        catch (UnauthorizedAccessException e)
        {
            Failure = e;
            Discard();
        }
        finally
        {
            finished = true;
            done();
        }
    }

    private void CopyUpTo(long journalLength) => copyFrom = CopyRange(copyFrom, journalLength);

    // Copies the journal's bytes [from, to) to the end of the copy; returns to.
    private long CopyRange(long from, long to)
    {
        var buffer = new byte[(int)Math.Min(CatchUpBytes, Math.Max(to - from, 1))];
        while (from < to)
        {
            var read = RandomAccess.Read(journal, buffer.AsSpan(0, (int)Math.Min(buffer.Length, to - from)), from);
            if (read == 0)
            {
                throw new IOException($"The store ended at byte {from} while {to} bytes of batches were expected.");
            }

            disk.WriteCompaction(copy!.SafeFileHandle, buffer.AsSpan(0, read), copied);
            copied += read;
            from += read;
        }

        return to;
    }

    private void Discard()
    {
        if (swapped)
        {
            return;
        }

        copy?.Dispose();
        copy = null;
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The copy is a temporary file; the next compaction replaces it.
        }
    }
}
