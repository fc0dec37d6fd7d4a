using System.Runtime.Versioning;
using IamLab.World.State;
using Microsoft.Win32.SafeHandles;

namespace IamLab.World.Tests.State;

/// <summary>
/// Compaction of the world store: the journal is rewritten as a snapshot beside the requests, without the world's
/// lock, while commits go on being appended and acknowledged; the store on disk is whole at every moment.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class WorldStoreCompactionTests : IDisposable
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2); // how long a hung store is waited for before the test fails
    private readonly string directory = Directory.CreateTempSubdirectory("iamlab-compaction-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string StorePath => Path.Combine(directory, "world.db");

    [Fact]
    public async Task Compaction_KeepsTheFileNearTheLiveSize_AndTheWorldWhole()
    {
        var lab = StateStoreTests.Populated();
        string expected;
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, CompactionSlack = 64 * 1024 }).Value)
        {
            var snapshot = new FileInfo(StorePath).Length;
            for (var i = 0; i < 200; i++)
            {
                Describe(store, "EC2S3AccessRole", $"description {i} {new string('x', 500)}");
                await store.CommitAsync();
            }

            WaitUntilIdle(store);
            Assert.True(store.Compactions >= 1, "200 commits of a 500-byte change should have compacted a store with 64 KiB of slack");
            Assert.InRange(new FileInfo(StorePath).Length, snapshot, (2 * snapshot) + (64 * 1024) + 8192);
            expected = StateStore.Serialize(store.World);
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;
        Assert.Equal(expected, StateStore.Serialize(reopened.World));
    }

    [Fact]
    public async Task WhileACompactionWrites_CommitsAreAcknowledged_TheLockIsFree_AndACrashLosesNothing()
    {
        var lab = StateStoreTests.Populated();
        using var disk = new CompactionHeldDisk();
        var crashImage = Path.Combine(directory, "crash.db");
        string expected;
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk, CompactionSlack = 0 }).Value)
        {
            await GrowUntilACompactionStarts(store, disk);

            // The compaction is held at its first write. The world's lock is free, and commits are written and
            // acknowledged: 120 roles with long descriptions, well over the 1 MiB the copy catches up with on its own.
            Assert.True(store.Gate.TryEnter(Patience), "the world's lock is held during a compaction");
            store.Gate.Exit();
            for (var i = 0; i < 120; i++)
            {
                await CreateAndCommit(store, $"during-{i}", new string('d', 900)).WaitAsync(Patience);
            }

            Assert.True(store.Compacting);
            Assert.Equal(0, store.Compactions);

            // A crash now leaves the old journal: every acknowledged change is in it.
            File.Copy(StorePath, crashImage);
            disk.Release.Set();
            WaitUntilIdle(store);
            AssertCompacted(store, 1);
            await CreateAndCommit(store, "after", "after the compaction");
            expected = StateStore.Serialize(store.World);
        }

        Assert.False(File.Exists(StorePath + ".tmp"));
        using (var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value)
        {
            Assert.Equal(expected, StateStore.Serialize(reopened.World));
            Assert.Empty(reopened.Notices);
        }

        using var crashed = WorldStore.Open(crashImage, new WorldStoreOptions { Time = lab.Clock }).Value;
        var roles = crashed.World.Iam(Article.Dev).Account.Roles;
        Assert.Equal(120, roles.Keys.Count(k => k.StartsWith("during-", StringComparison.Ordinal)));
        Assert.False(roles.ContainsKey("after"));
    }

    [Fact]
    public async Task ACompactionThatCannotWrite_IsGivenUp_AndTheJournalGoesOn()
    {
        var lab = StateStoreTests.Populated();
        using var disk = new CompactionHeldDisk { FailCopies = true };
        string expected;
        using (var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk, CompactionSlack = 0 }).Value)
        {
            disk.Release.Set();
            await GrowUntilACompactionStarts(store, disk);
            WaitUntilIdle(store);
            Assert.Equal(0, store.Compactions);
            Assert.False(File.Exists(StorePath + ".tmp"));

            await CreateAndCommit(store, "after-the-failure", "still saved");
            disk.FailCopies = false;
            for (var i = 0; i < 50 && store.Compactions == 0; i++)
            {
                await CreateAndCommit(store, $"more-{i}", new string('m', 900));
                WaitUntilIdle(store);
            }

            AssertCompacted(store, 1);
            expected = StateStore.Serialize(store.World);
        }

        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock }).Value;
        Assert.Equal(expected, StateStore.Serialize(reopened.World));
        Assert.True(reopened.World.Iam(Article.Dev).Account.Roles.ContainsKey("after-the-failure"));
    }

    [Fact]
    public async Task DisposeDuringACompaction_DeletesTheCopy_AndKeepsEveryCommit()
    {
        var lab = StateStoreTests.Populated();
        using var disk = new CompactionHeldDisk();
        string expected;
        var store = WorldStore.Create(StorePath, lab.World, new WorldStoreOptions { Time = lab.Clock, Disk = disk, CompactionSlack = 0 }).Value;
        await GrowUntilACompactionStarts(store, disk);
        await CreateAndCommit(store, "last", "made while the compaction was held");
        expected = StateStore.Serialize(store.World);

        // The writer, stopping, asks the held compaction to give up; only then may its write go on.
        var disposing = Task.Run(store.Dispose);
        Assert.True(SpinWait.SpinUntil(() => store.CompactionCancelling, Patience), "Dispose never asked the compaction to stop");
        disk.Release.Set();
        await disposing.WaitAsync(Patience);

        Assert.Equal(0, store.Compactions);
        Assert.False(File.Exists(StorePath + ".tmp"));
        using var reopened = WorldStore.Open(StorePath, new WorldStoreOptions { Time = lab.Clock, CompactionSlack = 1L << 40 }).Value;
        Assert.Equal(expected, StateStore.Serialize(reopened.World));
    }

    // Commits changes until the store starts a compaction (with no slack, once the journal is twice the live size).
    private static async Task GrowUntilACompactionStarts(WorldStore store, CompactionHeldDisk disk)
    {
        for (var i = 0; i < 500 && store.CompactionsStarted == 0; i++)
        {
            Describe(store, "EC2S3AccessRole", $"growing {i} {new string('g', 900)}");
            await store.CommitAsync();
        }

        Assert.Equal(1, store.CompactionsStarted);
        Assert.True(disk.Entered.Wait(Patience), "the compaction never wrote its copy");
    }

    private static void Describe(WorldStore store, string role, string description)
    {
        lock (store.Gate)
        {
            _ = store.World.Iam(Article.Dev).UpdateRole(role, description: description).Value;
        }
    }

    private static Task CreateAndCommit(WorldStore store, string roleName, string description)
    {
        lock (store.Gate)
        {
            _ = store.World.Iam(Article.Dev).CreateRole(roleName, Trust, description: description).Value;
        }

        return store.CommitAsync();
    }

    private static void WaitUntilIdle(WorldStore store) =>
        Assert.True(SpinWait.SpinUntil(() => !store.Compacting, Patience), "the compaction did not finish");

    private static void AssertCompacted(WorldStore store, long times) =>
        Assert.True(store.Compactions == times, $"{store.Compactions} compactions instead of {times}; the last failure: {store.CompactionFailure}");

    // A disk whose compaction copy waits at its first write until the test lets it go, or fails as a full disk does.
    private sealed class CompactionHeldDisk : StoreDisk, IDisposable
    {
        public volatile bool FailCopies;

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override void WriteCompaction(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset)
        {
            Entered.Set();
            Release.Wait();
            if (FailCopies)
            {
                throw new IOException("No space left on device");
            }

            base.WriteCompaction(file, bytes, offset);
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
