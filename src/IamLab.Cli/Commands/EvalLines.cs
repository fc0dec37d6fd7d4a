using IamLab.Cli.Output;
using IamLab.Policy.Cases;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab eval --cases FILE.jsonl</c>: one case per line in, one JSON result per line out, in input
/// order. Cases are read and evaluated on all cores; the output order stays the input order.
/// </summary>
internal static class EvalLines
{
    public static int Run(string path, TextWriter output, TextWriter error)
    {
        if (!InputFile.TryReadLines(path, error, out var lines))
        {
            return ExitCodes.UsageError;
        }

        var results = new string?[lines.Length];
        var unreadable = new bool[lines.Length];
        var mismatch = new bool[lines.Length];
        Parallel.For(0, lines.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                return;
            }

            var outcome = CaseOutcome.Evaluate(CaseReader.ReadOne(lines[i], i + 1), trace: false);
            unreadable[i] = outcome.Unreadable || outcome.Case.HasErrors;
            mismatch[i] = outcome.Mismatch;
            results[i] = CaseJson.Write(outcome);
        });

        var status = ExitCodes.Success;
        var writer = output;
        for (var i = 0; i < lines.Length; i++)
        {
            if (results[i] is null)
            {
                continue;
            }

            writer.WriteLine(results[i]);
            if (unreadable[i])
            {
                error.WriteLine($"iamlab: {path}:{i + 1}: the case could not be read (see its \"errors\").");
                status = ExitCodes.UsageError;
            }
            else if (mismatch[i] && status == ExitCodes.Success)
            {
                status = ExitCodes.Failed;
            }
        }

        writer.Flush();
        return status;
    }
}
