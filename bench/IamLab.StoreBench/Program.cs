using System.Diagnostics;
using IamLab.StoreBench;

// The two designs considered for `iamlab serve --state`, as small prototypes measured side by side: an SQLite
// database in WAL mode with synchronous=FULL, and an append-only journal of CRC-framed batches with fdatasync.
// Both group-commit: concurrent writers wait for one flush that carries all of their changes.
// Usage: IamLab.StoreBench DIR [--writers 16] [--seconds 5] [--records 1000000]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: IamLab.StoreBench DIR [--writers N] [--seconds S] [--records N]");
    return 2;
}

var dir = args[0];
var writers = Option(args, "--writers", 16);
var seconds = Option(args, "--seconds", 5);
var records = Option(args, "--records", 1_000_000);
Directory.CreateDirectory(dir);
var session = new byte[560];
var account = new byte[2048];
Random.Shared.NextBytes(session);
Random.Shared.NextBytes(account);

foreach (var store in new IPrototypeStore[] { new JournalPrototype(Path.Combine(dir, "proto.journal")), new SqlitePrototype(Path.Combine(dir, "proto.sqlite")) })
{
    using (store)
    {
        var (ops, flushes) = await GroupCommitDriver.RunAsync(store, writers, TimeSpan.FromSeconds(seconds), session, account);
        Console.WriteLine($"{store.Name}: {writers} writers, {ops / (double)seconds:F0} acknowledged changes/s, {flushes / (double)seconds:F0} flushes/s, {ops / (double)Math.Max(1, flushes):F1} changes per flush");
    }
}

foreach (var store in new IPrototypeStore[] { new JournalPrototype(Path.Combine(dir, "big.journal")), new SqlitePrototype(Path.Combine(dir, "big.sqlite")) })
{
    using (store)
    {
        var watch = Stopwatch.StartNew();
        store.Fill(records, session);
        var fill = watch.Elapsed;
        watch.Restart();
        var (count, bytes) = store.ReadAll();
        Console.WriteLine($"{store.Name}: wrote {records:N0} session-sized records in {fill.TotalSeconds:F1} s; read back {count:N0} ({bytes / 1048576.0:F0} MiB) in {watch.Elapsed.TotalSeconds:F2} s; file {store.FileBytes() / 1048576.0:F0} MiB");
    }
}

return 0;

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
