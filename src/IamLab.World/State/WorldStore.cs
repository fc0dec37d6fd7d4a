using IamLab.World.Errors;

namespace IamLab.World.State;

/// <summary>
/// A world kept on disk: an append-only journal of changes with snapshot compaction (docs/state.md). Every change a
/// caller commits is found by a <see cref="ChangeTracker"/> (its cost is the change, not the world), appended as one
/// CRC-checked batch and fsynced before the commit completes. Concurrent commits share one write and one fsync
/// (group commit): one writer thread finds the changes of every commit staged since its last batch at once, writes
/// and fsyncs them while the requests go on, and then finds the changes of every commit staged meanwhile. The file
/// is created 0600 and locked against a second process.
/// </summary>
/// <remarks>
/// Use: hold <see cref="Gate"/> for every read or change of <see cref="World"/>; after a change, call
/// <see cref="Stage"/> (holding it or not) and await <see cref="WhenDurableAsync"/> with the number
/// <see cref="Stage"/> returned before acknowledging the change.
/// </remarks>
public sealed class WorldStore : IDisposable
{
    private readonly ChangeTracker tracker;
    private readonly WorldStoreOptions options;
    private readonly Lock queue = new();
    private readonly ManualResetEventSlim wake = new(false);
    private readonly FileStream storeLock;
    private readonly Thread writer;
    private JournalFile journal;
    private List<StoreChange> retry = [];
    private long staged;
    private long durable;
    private bool stopping;
    private TaskCompletionSource<FlushRound> round = NewRound();
    private long compactAt;
    private long flushes;
    private long compactions;
    private long compactionsStarted;
    private Compaction? compaction;
    private bool folderUnsynced;
    private Exception? compactionFailure;
    private Exception? failedWith;
    private long failedUpTo;
    private long failedBatches;

    private WorldStore(LabWorld world, FileStream storeLock, JournalFile journal, ChangeTracker tracker, WorldStoreOptions options, long liveBytes, IReadOnlyList<string> notices)
    {
        World = world;
        this.storeLock = storeLock;
        this.journal = journal;
        this.tracker = tracker;
        this.options = options;
        Notices = notices;
        compactAt = CompactionThreshold(liveBytes);
        writer = new Thread(WriteLoop) { IsBackground = true, Name = "world store writer" };
        writer.Start();
    }

    /// <summary>The world.</summary>
    public LabWorld World { get; }

    /// <summary>The lock around every read and change of <see cref="World"/> (re-entrant).</summary>
    public Lock Gate { get; } = new();

    /// <summary>The store's file.</summary>
    public string Path => journal.Path;

    /// <summary>What opening the store had to say: a torn last batch dropped, a JSON document converted, permissions tightened.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>How many batches have been written and flushed since the store was opened (for tests and logs).</summary>
    public long Flushes => Interlocked.Read(ref flushes);

    /// <summary>How many compactions have replaced the file since the store was opened (for tests and logs).</summary>
    public long Compactions => Interlocked.Read(ref compactions);

    /// <summary>How many compactions have been started beside the requests (one still running, or one that failed, is counted here and not in <see cref="Compactions"/>).</summary>
    internal long CompactionsStarted => Interlocked.Read(ref compactionsStarted);

    /// <summary>How many batches could not be written (for tests and logs).</summary>
    internal long FailedBatches
    {
        get
        {
            lock (queue)
            {
                return failedBatches;
            }
        }
    }

    /// <summary>Why the last compaction was given up, if it was (for tests and logs).</summary>
    internal Exception? CompactionFailure => Volatile.Read(ref compactionFailure);

    /// <summary>True while a compaction started beside the requests has not been swapped in or given up (for tests).</summary>
    internal bool Compacting => Volatile.Read(ref compaction) is not null;

    /// <summary>True once the writer, stopping, has asked a running compaction to give up (for tests).</summary>
    internal bool CompactionCancelling => Volatile.Read(ref compaction)?.Cancelling ?? false;

    /// <summary>The file's length in bytes.</summary>
    public long FileBytes => journal.Length;

    /// <summary>
    /// Opens the store at <paramref name="path"/>: replays it (dropping a torn last batch, with a notice), converts a
    /// JSON state document written by an earlier lab (kept beside it as <c>PATH.v1.json</c>), or creates the store
    /// from <see cref="WorldStoreOptions.NewWorld"/> when there is no file. A store that is damaged, written by a newer
    /// lab or open in another process is refused and left untouched.
    /// </summary>
    /// <param name="path">The store's file.</param>
    /// <param name="options">The clock, the new world, the disk.</param>
    /// <returns>The open store, or <c>StateCorrupt</c>, <c>StateTooNew</c>, <c>StateInUse</c>.</returns>
    public static IamResult<WorldStore> Open(string path, WorldStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new WorldStoreOptions();
        if (!File.Exists(path))
        {
            return Create(path, options.NewWorld?.Invoke() ?? new LabWorld(options.Time), options);
        }

        var notices = new List<string>();
        if (PrivateFiles.Tighten(path))
        {
            notices.Add($"{path}: its permissions let others read it; they were set to 0600 (owner only), since it holds secret keys.");
        }

        FileStream held;
        try
        {
            held = StoreLock.Acquire(path);
        }
        catch (IOException e)
        {
            return StoreErrors.InUse(path, e.Message);
        }

        var file = JournalFile.OpenData(path, write: true);
        if (!JournalFile.IsStore(file.SafeFileHandle) && LooksLikeJson(file))
        {
            file.Dispose();
            return Convert(path, held, options, notices);
        }

        var loader = new StoreLoader(ExpectedSessions(file));
        var tracker = new ChangeTracker();
        var scan = JournalFile.Scan(file.SafeFileHandle, path, loader.Visit);
        var world = scan.Error is null ? loader.Build(path, options.Time, tracker) : scan.Error;
        if (!world.IsSuccess)
        {
            file.Dispose();
            held.Dispose();
            return world.Error!;
        }

        if (scan.Dropped is not null)
        {
            notices.Add(scan.Dropped);
        }

        var store = new WorldStore(world.Value, held, JournalFile.ForAppend(file, path, scan, options.Disk), tracker, options, loader.LiveBytes, notices);
        if (store.journal.Length > store.compactAt)
        {
            store.CompactNow();
        }

        return store;
    }

    /// <summary>Writes <paramref name="world"/> as a new store at <paramref name="path"/> (replacing any file there) and opens it.</summary>
    /// <param name="path">The store's file.</param>
    /// <param name="world">The world.</param>
    /// <param name="options">The clock and the disk.</param>
    /// <returns>The open store, or <c>StateInUse</c>.</returns>
    public static IamResult<WorldStore> Create(string path, LabWorld world, WorldStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(world);
        options ??= new WorldStoreOptions();
        FileStream held;
        try
        {
            held = StoreLock.Acquire(path);
        }
        catch (IOException e)
        {
            return StoreErrors.InUse(path, e.Message);
        }

        return Create(path, held, world, options, []);
    }

    private static WorldStore Create(string path, FileStream held, LabWorld world, WorldStoreOptions options, IReadOnlyList<string> notices)
    {
        try
        {
            var tracker = new ChangeTracker();
            var written = JournalFile.WriteStore(path, sink => tracker.Everything(world, sink));
            return Reopen(path, held, world, tracker, options, written, notices);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the world in <paramref name="path"/> (a store, or a JSON state document) without writing anything: a torn
    /// last batch is ignored and named in the notices but not cut off. Works while a lab serves the store: it reads the
    /// batches already on disk.
    /// </summary>
    /// <param name="path">The store's file.</param>
    /// <param name="time">The clock of the world.</param>
    /// <returns>The world and the notices, or <c>StateNotFound</c>, <c>StateCorrupt</c>, <c>StateTooNew</c>.</returns>
    public static IamResult<StoreReading> Read(string path, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        time ??= TimeProvider.System;
        if (!File.Exists(path))
        {
            return new IamError(StateCodes.NotFound, $"There is no world store at {path}.", 404);
        }

        using (var file = JournalFile.OpenData(path, write: false))
        {
            if (!JournalFile.IsStore(file.SafeFileHandle) && LooksLikeJson(file))
            {
                var document = StateStore.Load(path, time);
                return document.IsSuccess ? new StoreReading(document.Value, []) : document.Error!;
            }

            var loader = new StoreLoader(ExpectedSessions(file));
            var scan = JournalFile.Scan(file.SafeFileHandle, path, loader.Visit);
            var world = scan.Error is null ? loader.Build(path, time, new ChangeTracker()) : scan.Error;
            return world.IsSuccess ? new StoreReading(world.Value, scan.Dropped is null ? [] : [scan.Dropped]) : world.Error!;
        }
    }

    /// <summary>Writes the world in the store <paramref name="storePath"/> as the versioned JSON state document <paramref name="jsonPath"/> (mode 0600).</summary>
    /// <param name="storePath">The store.</param>
    /// <param name="jsonPath">The document to write (replaced atomically).</param>
    /// <returns>The notices of reading the store, or its error.</returns>
    public static IamResult<IReadOnlyList<string>> Export(string storePath, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        var read = Read(storePath);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        PrivateFiles.WriteAllText(jsonPath, StateStore.Serialize(read.Value.World));
        return IamResult<IReadOnlyList<string>>.Ok(read.Value.Notices);
    }

    /// <summary>Replaces the world in the store <paramref name="storePath"/> (made if missing) with the JSON state document <paramref name="jsonPath"/>.</summary>
    /// <param name="jsonPath">The document.</param>
    /// <param name="storePath">The store.</param>
    /// <returns>The imported world, or the document's error (<c>StateCorrupt</c>, <c>StateTooNew</c>, <c>StateNotFound</c>) or <c>StateInUse</c>.</returns>
    public static IamResult<LabWorld> Import(string jsonPath, string storePath)
    {
        var document = StateStore.Load(jsonPath);
        if (!document.IsSuccess)
        {
            return document.Error!;
        }

        var created = Create(storePath, document.Value);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        created.Value.Dispose();
        return document.Value;
    }

    /// <summary>
    /// Marks that the world changed: the writer finds the changes (their cost is the change, not the world) and
    /// writes them in its next batch. Call it after the change, holding <see cref="Gate"/> or not.
    /// </summary>
    /// <returns>The number to pass to <see cref="WhenDurableAsync"/>: every change up to now is durable once it completes.</returns>
    public long Stage()
    {
        lock (queue)
        {
            staged++;
            if (!stopping)
            {
                wake.Set();
            }

            return staged;
        }
    }

    /// <summary>
    /// Completes once every change made before <see cref="Stage"/> returned <paramref name="ticket"/> is on disk
    /// (fsynced). Commits staged while the writer is busy share its next batch (group commit). Nothing is written when
    /// there is nothing new.
    /// </summary>
    /// <param name="ticket">What <see cref="Stage"/> returned.</param>
    /// <returns>A task that fails with <see cref="StoreUnavailableException"/> when the batch holding the change could not be written.</returns>
    public Task WhenDurableAsync(long ticket)
    {
        lock (queue)
        {
            if (durable >= ticket)
            {
                return Task.CompletedTask;
            }

            if (LostWith(ticket) is { } lost)
            {
                return Task.FromException(lost);
            }
        }

        return WaitAsync(ticket);
    }

    /// <summary>Stages and waits.</summary>
    /// <returns>A task that completes when every change so far is durable.</returns>
    public Task CommitAsync() => WhenDurableAsync(Stage());

    /// <summary>
    /// Lets the writer write every commit staged so far, stops it and closes the file (the lock goes with it).
    /// A commit staged afterwards fails with <see cref="StoreUnavailableException"/>.
    /// </summary>
    public void Dispose()
    {
        lock (queue)
        {
            stopping = true;
            wake.Set();
        }

        writer.Join();
        TaskCompletionSource<FlushRound> last;
        lock (queue)
        {
            last = round;
        }

        last.TrySetResult(new FlushRound(new ObjectDisposedException(nameof(WorldStore)), long.MaxValue));
        journal.Dispose();
        storeLock.Dispose();
        wake.Dispose();
    }

    private async Task WaitAsync(long ticket)
    {
        while (true)
        {
            Task<FlushRound> wait;
            lock (queue)
            {
                if (durable >= ticket)
                {
                    return;
                }

                // The batch that held this change may have failed before this wait began: its round is over.
                if (LostWith(ticket) is { } lost)
                {
                    throw lost;
                }

                wait = round.Task;
            }

            var finished = await wait.ConfigureAwait(false);
            if (finished.Failure is not null && ticket <= finished.UpTo)
            {
                throw Unavailable(finished.Failure);
            }
        }
    }

    // INVARIANT: called holding queue. The last batch that held the change failed and none has been written since
    // (durable is below the ticket), so the change is in memory only.
    private StoreUnavailableException? LostWith(long ticket) =>
        failedWith is not null && ticket <= failedUpTo ? Unavailable(failedWith) : null;

    private StoreUnavailableException Unavailable(Exception failure) =>
        new($"The change could not be saved to the world store {Path}: {failure.Message}", failure);

    // The writer thread: one batch per turn, holding every commit staged before the turn began; between two turns it
    // swaps in a compaction that has finished.
    private void WriteLoop()
    {
        while (true)
        {
            wake.Wait();
            long upTo;
            bool last;
            bool nothingNew;
            lock (queue)
            {
                wake.Reset();
                upTo = staged;
                last = stopping;
                nothingNew = upTo <= durable;
            }

            if (compaction is { Finished: true })
            {
                FinishCompaction();
            }

            if (nothingNew)
            {
                if (last)
                {
                    StopCompaction();
                    return;
                }

                continue;
            }

            var failure = WriteBatch();
            TaskCompletionSource<FlushRound> finished;
            lock (queue)
            {
                if (failure is null)
                {
                    durable = Math.Max(durable, upTo);
                }
                else
                {
                    failedWith = failure;
                    failedUpTo = upTo;
                    failedBatches++;
                }

                finished = round;
                round = NewRound();
            }

            finished.SetResult(new FlushRound(failure, upTo));
            if (last)
            {
                // Disposing: every commit staged before Dispose was in this batch.
                StopCompaction();
                return;
            }
        }
    }

    private Exception? WriteBatch()
    {
        List<StoreChange> batch;
        StoreSnapshot? snapshot = null;
        lock (Gate)
        {
            // Every commit staged so far made its change before staging: the world now holds them all.
            batch = tracker.Changes(World);
            if (compaction is null && retry.Count == 0 && journal.Length > compactAt)
            {
                // Once this batch is appended, the journal holds exactly this snapshot's world.
                snapshot = tracker.Snapshot(World);
            }
        }

        if (retry.Count > 0)
        {
            // A batch that failed earlier goes first, so a later value of the same record wins on replay.
            retry.AddRange(batch);
            batch = retry;
            retry = [];
        }

        Exception? failure = null;
        try
        {
            if (folderUnsynced)
            {
                // A compaction's rename is not known to be durable: nothing more is acknowledged until it is.
                PrivateFiles.SyncFolder(journal.Path, throwOnError: true);
                folderUnsynced = false;
            }

            if (batch.Count > 0)
            {
                journal.Append(batch);
                compaction?.Appended(journal.Length);
                Interlocked.Increment(ref flushes);
            }
        }
        catch (IOException e)
        {
            failure = e;
        }
        catch (UnauthorizedAccessException e)
        {
            failure = e;
        }

        if (failure is not null)
        {
            // Kept for the next batch: the changes are in memory and must reach the disk once it has room again.
            retry = batch;
        }
        else if (snapshot is not null)
        {
            Interlocked.Increment(ref compactionsStarted);
            compaction = new Compaction(journal.Path, snapshot, journal.Handle, journal.Length, journal.NextBatch, options.Disk, () => wake.Set());
        }

        return failure;
    }

    // Between two batches: the compaction's copy becomes the store, or, if it failed, is forgotten (it is tried again
    // once the journal has grown past the threshold after another batch).
    private void FinishCompaction()
    {
        var done = compaction!;
        try
        {
            SwapIn(done);
        }
        finally
        {
            done.Dispose();
            Volatile.Write(ref compaction, null);
        }
    }

    private void SwapIn(Compaction done)
    {
        if (done.Failure is not null)
        {
            Volatile.Write(ref compactionFailure, done.Failure);
            return;
        }

        FileStream file;
        JournalScan scan;
        try
        {
            (file, scan) = done.Swap(journal.Length, journal.NextBatch);
        }
        catch (IOException e)
        {
            Volatile.Write(ref compactionFailure, e);
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            Volatile.Write(ref compactionFailure, e);
            return;
        }

        journal.Dispose();
        journal = JournalFile.ForAppend(file, journal.Path, scan, options.Disk);
        // Twice the live data plus the slack, as at start-up: the batches copied after the snapshot count as growth.
        compactAt = CompactionThreshold(done.SnapshotBytes);
        Interlocked.Increment(ref compactions);
        try
        {
            PrivateFiles.SyncFolder(journal.Path, throwOnError: true);
        }
        catch (IOException)
        {
            folderUnsynced = true;
        }
    }

    private void StopCompaction()
    {
        compaction?.Dispose();
        Volatile.Write(ref compaction, null);
    }

    // At start-up, before the writer has anything to write: the store is rewritten as a snapshot in place.
    private void CompactNow()
    {
        var path = journal.Path;
        var written = JournalFile.WriteStore(path, sink => tracker.Everything(World, sink));
        journal.Dispose();
        journal = OpenJournal(path, written, options);
        compactAt = CompactionThreshold(journal.Length);
        compactions++;
    }

    private static WorldStore Reopen(string path, FileStream held, LabWorld world, ChangeTracker tracker, WorldStoreOptions options, JournalScan scan, IReadOnlyList<string> notices) =>
        new(world, held, OpenJournal(path, scan, options), tracker, options, scan.GoodLength, notices);

    private static JournalFile OpenJournal(string path, JournalScan scan, WorldStoreOptions options) =>
        JournalFile.ForAppend(JournalFile.OpenData(path, write: true), path, scan, options.Disk);

    private static IamResult<WorldStore> Convert(string path, FileStream held, WorldStoreOptions options, List<string> notices)
    {
        var loaded = StateStore.Load(path, options.Time);
        if (!loaded.IsSuccess)
        {
            held.Dispose();
            return loaded.Error!;
        }

        var backup = path + ".v1.json";
        File.Copy(path, backup, overwrite: true);
        PrivateFiles.Tighten(backup);
        notices.Add($"{path} was a JSON state document (format 1) from an earlier lab; it is now a world store. The document is kept as {backup}; `iamlab state export` writes one at any time.");
        return Create(path, held, loaded.Value, options, notices);
    }

    private static bool LooksLikeJson(FileStream file)
    {
        Span<byte> head = stackalloc byte[64];
        var read = RandomAccess.Read(file.SafeFileHandle, head, 0);
        var text = head[..read].TrimStart(" \t\r\n"u8);
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..].TrimStart(" \t\r\n"u8);
        }

        return text.Length > 0 && text[0] == (byte)'{';
    }

    // A session takes about 650 bytes in the store: room for that many at most, so a big store's table is sized once.
    private static int ExpectedSessions(FileStream file) => (int)Math.Min(file.Length / 650, 50_000_000);

    private long CompactionThreshold(long liveBytes) => (2 * liveBytes) + options.CompactionSlack;

    private static TaskCompletionSource<FlushRound> NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // One turn of the writer: the error that stopped its batch, if any, and the last commit the batch was for.
    private readonly record struct FlushRound(Exception? Failure, long UpTo);
}
