using System.Buffers.Binary;
using System.Runtime.Versioning;
using IamLab.World.State;
using Microsoft.Win32.SafeHandles;

namespace IamLab.World.Tests.State;

/// <summary>The world store behind <c>iamlab serve --state</c>: what it keeps, what it writes, and how it treats a damaged file.</summary>
[UnsupportedOSPlatform("windows")] // file modes are checked
public sealed class WorldStoreTests : IDisposable
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly string directory = Directory.CreateTempSubdirectory("iamlab-store-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string StorePath => Path.Combine(directory, "world.db");

    [Fact]
    public void CreateThenOpen_GivesTheSameJsonDocument()
    {
        var lab = StateStoreTests.Populated();
        var expected = StateStore.Serialize(lab.World);
        WorldStore.Create(StorePath, lab.World).Value.Dispose();

        using var store = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;

        Assert.Equal(expected, StateStore.Serialize(store.World));
        Assert.Equal(6, store.World.Sts.Sessions.Count);
        Assert.Empty(store.Notices);
    }

    [Fact]
    public async Task CommittedChanges_OfEveryKind_SurviveReopening()
    {
        var lab = StateStoreTests.Populated();
        string expected;
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock }).Value)
        {
            var world = store.World;
            _ = world.Iam(Article.Dev).CreateRole("AddedLater", Trust).Value;
            await store.CommitAsync();
            _ = world.Sts.AssumeRole(lab.Alice, Article.CrossAccount("later")).Value;
            _ = world.S3.Seed("company-data", "new/b.txt", [9, 9]).Value;
            _ = world.S3.DeleteObject("company-data", "public/a.txt").Value;
            await store.CommitAsync();
            _ = world.Iam(Article.Dev).DeleteRole("AddedLater").Value;
            // Two days on, the next session sweeps the expired ones: their records are deleted.
            lab.Clock.Advance(TimeSpan.FromDays(2));
            _ = world.Sts.AssumeRole(lab.Alice, Article.CrossAccount("after-sweep")).Value;
            await store.CommitAsync();
            expected = StateStore.Serialize(world);
            Assert.DoesNotContain(world.Sts.Sessions.Values, s => s.SessionName == "later"); // swept: its record is deleted
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;

        Assert.Equal(expected, StateStore.Serialize(reopened.World));
        Assert.False(reopened.World.Iam(Article.Dev).Account.Roles.ContainsKey("AddedLater"));
        Assert.Equal([(byte)9, (byte)9], reopened.World.S3.Buckets["company-data"].Objects["new/b.txt"].Content);
    }

    [Fact]
    public async Task CommitWithoutAChange_WritesNothing()
    {
        var lab = StateStoreTests.Populated();
        using var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock }).Value;
        var length = new FileInfo(StorePath).Length;

        _ = store.World.Iam(Article.Dev).GetRole("EC2S3AccessRole").Value;
        _ = store.World.Sts.Resolve(lab.Alice).Value;
        await store.CommitAsync();

        Assert.Equal(0, store.Flushes);
        Assert.Equal(length, new FileInfo(StorePath).Length);
    }

    [Fact]
    public async Task OneAssumeRole_AppendsTheSessionNotTheWorld()
    {
        var lab = StateStoreTests.Populated();
        for (var i = 0; i < 300; i++)
        {
            _ = lab.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount($"bulk-{i}")).Value;
        }

        using var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock }).Value;
        var before = new FileInfo(StorePath).Length;

        _ = store.World.Sts.AssumeRole(lab.Alice, Article.CrossAccount("one-more")).Value;
        await store.CommitAsync();
        var grown = new FileInfo(StorePath).Length - before;

        // The session (about 500 bytes), the role's account (RoleLastUsed changed) and the id counter; not 306 sessions.
        Assert.InRange(grown, 400, before / 10);
        Assert.Equal(1, store.Flushes);
    }

    [Fact]
    public async Task ConcurrentCommits_ShareFlushes()
    {
        var lab = StateStoreTests.Populated();
        var disk = new SlowDisk(TimeSpan.FromMilliseconds(30));
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk }).Value)
        {
            // Every writer must really run at once: on an idle two-core machine the pool starts with two threads, and
            // writers that trickle in one by one would each flush alone.
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
            using var start = new ManualResetEventSlim();
            var commits = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            {
                start.Wait();
                lock (store.Gate)
                {
                    _ = store.World.Iam(Article.Dev).CreateRole($"concurrent-{i}", Trust).Value;
                }

                await store.CommitAsync();
            })).ToList();
            start.Set();
            await Task.WhenAll(commits);

            // Sixteen commits, each waiting for its own change to be on disk, in a few flushes.
            Assert.InRange(store.Flushes, 1, 4);
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;
        Assert.Equal(16, reopened.World.Iam(Article.Dev).Account.Roles.Keys.Count(k => k.StartsWith("concurrent-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CommitsStagedWhileTheWriterFlushes_ShareItsNextBatch()
    {
        var lab = StateStoreTests.Populated();
        using var disk = new HeldDisk();
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk }).Value)
        {
            var first = CreateAndCommit(store, "first");
            disk.Entered.Wait();
            var second = CreateAndCommit(store, "second");
            var third = CreateAndCommit(store, "third");

            // The writer is inside the fsync of the first batch: nothing after it is acknowledged yet.
            Assert.False(first.IsCompleted);
            Assert.False(second.IsCompleted);
            Assert.False(third.IsCompleted);
            disk.Release.Set();
            await Task.WhenAll(first, second, third);

            Assert.Equal(2, store.Flushes);
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;
        Assert.All(new[] { "first", "second", "third" }, name => Assert.True(reopened.World.Iam(Article.Dev).Account.Roles.ContainsKey(name)));
    }

    [Fact]
    public async Task Dispose_WritesEveryCommitStagedBeforeIt_AndFailsLaterOnes()
    {
        var lab = StateStoreTests.Populated();
        using var disk = new HeldDisk();
        var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk }).Value;
        var written = CreateAndCommit(store, "written");
        disk.Entered.Wait();
        var staged = CreateAndCommit(store, "staged");

        // Dispose may begin before or after the writer finishes the first batch: either way the second commit was
        // staged before it and is written.
        var disposing = Task.Run(store.Dispose);
        disk.Release.Set();
        await disposing;
        await written;
        await staged;

        await Assert.ThrowsAsync<StoreUnavailableException>(() => CreateAndCommit(store, "after"));
        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;
        var roles = reopened.World.Iam(Article.Dev).Account.Roles;
        Assert.True(roles.ContainsKey("written"));
        Assert.True(roles.ContainsKey("staged"));
        Assert.False(roles.ContainsKey("after"));
    }

    private static Task CreateAndCommit(WorldStore store, string roleName)
    {
        lock (store.Gate)
        {
            _ = store.World.Iam(Article.Dev).CreateRole(roleName, Trust).Value;
        }

        return store.CommitAsync();
    }

    [Fact]
    public async Task TornLastBatch_IsDroppedWithAMessageNamingIt_AndEarlierBatchesLoad()
    {
        var lab = StateStoreTests.Populated();
        long goodLength;
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock }).Value)
        {
            _ = store.World.Iam(Article.Dev).CreateRole("Kept", Trust).Value;
            await store.CommitAsync();
            goodLength = new FileInfo(StorePath).Length;
            _ = store.World.Iam(Article.Dev).CreateRole("Torn", Trust).Value;
            await store.CommitAsync();
        }

        var full = File.ReadAllBytes(StorePath);
        File.WriteAllBytes(StorePath, full[..(int)(goodLength + ((full.Length - goodLength) / 2))]);
        var torn = File.ReadAllBytes(StorePath);

        var read = WorldStore.Read(StorePath, lab.Clock).Value;
        Assert.Equal(torn, File.ReadAllBytes(StorePath)); // reading alone changes nothing
        using var store2 = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;

        var batches = BatchCount(full[..(int)goodLength]);
        var expected = $"{StorePath}: the last batch of changes (batch {batches + 1}, at byte {goodLength}) is incomplete: only {(torn.Length - goodLength) - 12} of its {full.Length - goodLength - 12} bytes are present. "
            + "It was being written when the lab stopped (or is being written now), so it was never acknowledged; it was left out.";
        Assert.Equal([expected], read.Notices);
        Assert.Equal([expected], store2.Notices);
        Assert.True(store2.World.Iam(Article.Dev).Account.Roles.ContainsKey("Kept"));
        Assert.False(store2.World.Iam(Article.Dev).Account.Roles.ContainsKey("Torn"));
        Assert.Equal(goodLength, new FileInfo(StorePath).Length); // cut back, so the next batch follows a good one
    }

    [Fact]
    public async Task ZeroFilledEnd_IsDroppedAsTorn()
    {
        var lab = StateStoreTests.Populated();
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock }).Value)
        {
            _ = store.World.Iam(Article.Dev).CreateRole("Kept", Trust).Value;
            await store.CommitAsync();
        }

        var length = new FileInfo(StorePath).Length;
        using (var append = new FileStream(StorePath, FileMode.Append))
        {
            append.Write(new byte[4096]);
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;

        Assert.Contains($"at byte {length}) is incomplete: its bytes are zeros", Assert.Single(reopened.Notices), StringComparison.Ordinal);
        Assert.True(reopened.World.Iam(Article.Dev).Account.Roles.ContainsKey("Kept"));
    }

    [Fact]
    public async Task DamageBeforeTheLastBatch_IsRefused_AndTheFileLeftUntouched()
    {
        var lab = StateStoreTests.Populated();
        long secondBatch;
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock }).Value)
        {
            secondBatch = new FileInfo(StorePath).Length;
            _ = store.World.Iam(Article.Dev).CreateRole("One", Trust).Value;
            await store.CommitAsync();
            _ = store.World.Iam(Article.Dev).CreateRole("Two", Trust).Value;
            await store.CommitAsync();
        }

        var bytes = File.ReadAllBytes(StorePath);
        bytes[secondBatch + 40] ^= 0xFF;
        File.WriteAllBytes(StorePath, bytes);

        var opened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock });

        Assert.Equal("StateCorrupt", opened.Error!.Code);
        Assert.Equal($"The world store {StorePath} cannot be read: it is damaged at byte {secondBatch} (batch {BatchCount(bytes[..(int)secondBatch]) + 1}): a batch fails its checksum and more batches follow it. The file was left as it was.", opened.Error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(StorePath));
    }

    [Fact]
    public void StoreFromANewerLab_IsRefused_AndTheFileLeftUntouched()
    {
        var lab = StateStoreTests.Populated();
        WorldStore.Create(StorePath, lab.World).Value.Dispose();
        var bytes = File.ReadAllBytes(StorePath);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 2);
        File.WriteAllBytes(StorePath, bytes);

        var opened = WorldStore.Open(StorePath);
        var read = WorldStore.Read(StorePath);

        Assert.Equal("StateTooNew", opened.Error!.Code);
        Assert.Equal($"The world store {StorePath} has format version 2, but this lab reads version 1 at most. Update the lab; the file was left as it was.", opened.Error.Message);
        Assert.Equal("StateTooNew", read.Error!.Code);
        Assert.Equal(bytes, File.ReadAllBytes(StorePath));
    }

    [Fact]
    public void JsonStateDocumentOfAnEarlierLab_IsConverted_AndKeptBesideIt()
    {
        var former = StateStoreTests.FormatOneDocument();
        File.WriteAllText(StorePath, former);
        File.SetUnixFileMode(StorePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var store = WorldStore.Open(StorePath, new WorldStoreOptions { Time = new Article().Clock }).Value;

        Assert.Equal(former, StateStore.Serialize(store.World));
        Assert.Equal(former, File.ReadAllText(StorePath + ".v1.json"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath + ".v1.json"));
        Assert.Equal(
        [
            $"{StorePath}: its permissions let others read it; they were set to 0600 (owner only), since it holds secret keys.",
            $"{StorePath} was a JSON state document (format 1) from an earlier lab; it is now a world store. The document is kept as {StorePath}.v1.json; `iamlab state export` writes one at any time.",
        ], store.Notices);
        Assert.True(JournalStartsWithMagic(StorePath));
    }

    [Fact]
    public void ExportThenImport_GivesTheSameDocument_AndFilesAreOwnerOnly()
    {
        var lab = StateStoreTests.Populated();
        WorldStore.Create(StorePath, lab.World).Value.Dispose();
        var json = Path.Combine(directory, "export.json");
        var copy = Path.Combine(directory, "copy.db");

        Assert.True(WorldStore.Export(StorePath, json).IsSuccess);
        Assert.True(WorldStore.Import(json, copy).IsSuccess);

        Assert.Equal(StateStore.Serialize(lab.World), File.ReadAllText(json));
        Assert.Equal(File.ReadAllText(json), StateStore.Serialize(WorldStore.Read(copy, lab.Clock).Value.World));
        foreach (var file in new[] { StorePath, json, copy })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void SecondWriter_IsRefused_WhileTheFirstHoldsTheStore()
    {
        var lab = StateStoreTests.Populated();
        using var first = WorldStore.Create(StorePath, lab.World).Value;

        var second = WorldStore.Open(StorePath);
        var import = WorldStore.Import(Path.Combine(directory, "none.json"), StorePath);
        var read = WorldStore.Read(StorePath, lab.Clock);

        Assert.Equal("StateInUse", second.Error!.Code);
        Assert.StartsWith($"The world store {StorePath} is open in another process", second.Error.Message, StringComparison.Ordinal);
        Assert.Equal("StateNotFound", import.Error!.Code); // the document is checked first
        Assert.True(read.IsSuccess); // readers need no lock
    }

    [Fact]
    public async Task FullDisk_FailsTheCommit_KeepsTheWorldReadable_AndSavesTheChangeOnceThereIsRoom()
    {
        var lab = StateStoreTests.Populated();
        var disk = new FillableDisk();
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk }).Value)
        {
            var length = new FileInfo(StorePath).Length;
            disk.Full = true;
            _ = store.World.Iam(Article.Dev).CreateRole("WhileFull", Trust).Value;

            var failure = await Assert.ThrowsAsync<StoreUnavailableException>(store.CommitAsync);

            Assert.Equal($"The change could not be saved to the world store {StorePath}: No space left on device", failure.Message);
            Assert.Equal(length, new FileInfo(StorePath).Length); // the half-written batch was cut back
            Assert.True(store.World.Iam(Article.Dev).GetRole("WhileFull").IsSuccess);

            disk.Full = false;
            _ = store.World.Iam(Article.Dev).CreateRole("AfterRoom", Trust).Value;
            await store.CommitAsync();
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;
        Assert.True(reopened.World.Iam(Article.Dev).Account.Roles.ContainsKey("WhileFull"));
        Assert.True(reopened.World.Iam(Article.Dev).Account.Roles.ContainsKey("AfterRoom"));
    }

    [Fact]
    public async Task ACommitWhoseBatchFailedBeforeItWaited_FailsAtOnce_InsteadOfWaitingForTheNextCommit()
    {
        var lab = StateStoreTests.Populated();
        var disk = new FillableDisk();
        using var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk }).Value;
        disk.Full = true;
        lock (store.Gate)
        {
            _ = store.World.Iam(Article.Dev).CreateRole("LateWaiter", Trust).Value;
        }

        // The writer writes and fails the batch before the request begins to wait for it.
        var ticket = store.Stage();
        Assert.True(SpinWait.SpinUntil(() => store.FailedBatches == 1, TimeSpan.FromMinutes(2)), "the batch was never tried");

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.WhenDurableAsync(ticket).WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal($"The change could not be saved to the world store {StorePath}: No space left on device", failure.Message);

        // Once the disk has room, the next commit writes the change and the same ticket is durable.
        disk.Full = false;
        await store.CommitAsync();
        await store.WhenDurableAsync(ticket);
    }

    private static bool JournalStartsWithMagic(string path) => File.ReadAllBytes(path).AsSpan(0, 8).SequenceEqual("IAMLABWS"u8);

    // Counts the frames in a store's bytes (header, then frames of 12-byte header and payload).
    private static long BatchCount(byte[] bytes)
    {
        long count = 0;
        for (var at = 12; at + 12 <= bytes.Length; count++)
        {
            at += 12 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
        }

        return count;
    }

    private sealed class SlowDisk(TimeSpan delay) : StoreDisk
    {
        public override void Flush(SafeFileHandle file)
        {
            Thread.Sleep(delay);
            base.Flush(file);
        }
    }

    // A disk whose first fsync waits until the test lets it go, so a test knows the writer is inside a batch.
    private sealed class HeldDisk : StoreDisk, IDisposable
    {
        private int flushes;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override void Flush(SafeFileHandle file)
        {
            if (Interlocked.Increment(ref flushes) == 1)
            {
                Entered.Set();
                Release.Wait();
            }

            base.Flush(file);
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }

    // A disk that fills up: the write gets half its bytes out, then fails as ENOSPC does.
    private sealed class FillableDisk : StoreDisk
    {
        public volatile bool Full;

        public override void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset)
        {
            if (!Full)
            {
                base.Write(file, bytes, offset);
                return;
            }

            base.Write(file, bytes[..(bytes.Length / 2)], offset);
            throw new IOException("No space left on device");
        }
    }
}
