namespace IamLab.StoreBench;

/// <summary>
/// Runs N writers for a while. Each writer puts a new session-sized record and rewrites an account-sized record
/// (what one AssumeRole changes), then waits until its change is durable. One writer at a time flushes, carrying
/// every change queued so far (group commit).
/// </summary>
internal static class GroupCommitDriver
{
    public static async Task<(long Ops, long Flushes)> RunAsync(IPrototypeStore store, int writers, TimeSpan duration, byte[] session, byte[] account)
    {
        var gate = new object();
        var pending = new List<(string, byte[])>();
        long queued = 0, durable = 0, flushes = 0, ops = 0, next = 0;
        var flushing = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = DateTime.UtcNow + duration;

        async Task Writer()
        {
            while (DateTime.UtcNow < stop)
            {
                long mine;
                lock (gate)
                {
                    pending.Add(($"session/{next++}", session));
                    pending.Add(("account/111111111111", account));
                    mine = ++queued;
                }

                while (true)
                {
                    List<(string, byte[])>? batch = null;
                    long upTo = 0;
                    Task? wait = null;
                    lock (gate)
                    {
                        if (durable >= mine)
                        {
                            break;
                        }

                        if (!flushing)
                        {
                            flushing = true;
                            batch = pending;
                            pending = [];
                            upTo = queued;
                        }
                        else
                        {
                            wait = done.Task;
                        }
                    }

                    if (batch is not null)
                    {
                        store.WriteDurably(batch);
                        TaskCompletionSource finished;
                        lock (gate)
                        {
                            durable = upTo;
                            flushing = false;
                            flushes++;
                            finished = done;
                            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        }

                        finished.SetResult();
                    }
                    else
                    {
                        await wait!.ConfigureAwait(false);
                    }
                }

                Interlocked.Increment(ref ops);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer))).ConfigureAwait(false);
        return (ops, flushes);
    }
}
