using IamLab.Cli.Streaming;
using IamLab.Policy.Cases;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab eval --cases FILE.jsonl</c>: one case per line in, one JSON result per line out, in input order.
/// The file is streamed in batches of lines: each batch is read and evaluated on every core, then written in
/// order before the next is read, so memory stays bounded whatever the file's length. Policies are read once
/// per distinct text (<see cref="PolicyCache"/>) and without line and column numbers unless a line has a
/// finding to report (<see cref="CaseLineReader"/>).
/// </summary>
internal static class EvalLines
{
    /// <summary>Lines per batch: large enough to keep every core busy, small enough to keep memory flat.</summary>
    private const int BatchLines = 4096;

    /// <summary>The longest line accepted; a case is a few kilobytes, AWS's largest policies about 20 KB each.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    public static int Run(string path, TextWriter output, TextWriter error)
    {
        FileStream file;
        try
        {
            if (!File.Exists(path))
            {
                error.WriteLine($"iamlab: {path}: no such file.");
                return ExitCodes.UsageError;
            }

            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"iamlab: {path}: cannot read the file: {e.Message}");
            return ExitCodes.UsageError;
        }

        using (file)
        {
            using var sink = OutputSink.For(output);
            try
            {
                return Evaluate(path, new LineSplitter(file, MaxLineBytes), sink, error);
            }
            catch (IOException e)
            {
                sink.Flush();
                error.WriteLine($"iamlab: {path}: cannot read the file: {e.Message}");
                return ExitCodes.UsageError;
            }
        }
    }

    private static int Evaluate(string path, LineSplitter lines, OutputSink sink, TextWriter error)
    {
        var reader = new CaseLineReader(new PolicyCache());
        var batch = new CaseBatch(BatchLines);
        var status = ExitCodes.Success;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        while (true)
        {
            batch.Clear();
            var more = lines.Fill(batch);
            if (batch.Count > 0)
            {
                Parallel.For(0, batch.Count, options, () => new BatchWorker(), (i, _, worker) =>
                {
                    worker.Evaluate(reader, batch, i);
                    return worker;
                }, worker => worker.Dispose());

                for (var i = 0; i < batch.Count; i++)
                {
                    if (batch.Results[i] is not { } result)
                    {
                        continue;
                    }

                    sink.WriteLine(result);
                    var line = batch.Numbers[i];
                    if (batch.States[i] == CaseState.Unreadable)
                    {
                        error.WriteLine($"iamlab: {path}:{line}: the case could not be read (see its \"errors\").");
                        status = ExitCodes.UsageError;
                    }
                    else if (batch.States[i] == CaseState.Refused)
                    {
                        error.WriteLine($"iamlab: {path}:{line}: the case was refused: a policy has errors AWS would refuse at upload (see its \"errors\").");
                        status = ExitCodes.UsageError;
                    }
                    else if (batch.States[i] == CaseState.Mismatch && status == ExitCodes.Success)
                    {
                        status = ExitCodes.Failed;
                    }
                }
            }

            if (lines.TooLong is { } tooLong)
            {
                sink.Flush();
                error.WriteLine($"iamlab: {path}:{tooLong}: the line is longer than {MaxLineBytes:N0} bytes; a case is a few kilobytes.");
                return ExitCodes.UsageError;
            }

            if (!more)
            {
                break;
            }
        }

        sink.Flush();
        return status;
    }
}
