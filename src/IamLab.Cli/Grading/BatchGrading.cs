using System.Globalization;
using IamLab.Scenarios.Grading;
using IamLab.World.Analysis;
using IamLab.Scenarios.Reports;
using IamLab.Scenarios.Reports.Html;
using IamLab.Scenarios.Reports.Sharding;
using Spectre.Console;

namespace IamLab.Cli.Grading;

/// <summary>
/// <c>iamlab grade ID --submissions DIR [--shard i/n]</c>: grades every sub-folder (or one share of them) in parallel
/// (one grader, shared scenario and identity providers), shows a progress bar on a terminal, and writes the gradebook
/// (gradebook.csv and gradebook.json; gradebook.junit.xml with --format junit; gradebook.html and a page per learner
/// with --format html).
/// </summary>
internal static class BatchGrading
{
    public static int Run(Grader grader, string folder, string format, string? outputFolder, TimeSpan timeout, ShardSpec? shard, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"iamlab: the submissions folder {folder} does not exist.");
            return ExitCodes.UsageError;
        }

        var all = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray();
        if (all.Length == 0)
        {
            error.WriteLine($"iamlab: {folder} has no sub-folders to grade.");
            return ExitCodes.UsageError;
        }

        // A share may be empty (a small class split many ways): it still writes its (empty) part, so that the merge
        // sees every share.
        var folders = shard is null ? all : all.Where(f => shard.Includes(Path.GetFileName(f))).ToArray();
        var target = outputFolder ?? Directory.GetCurrentDirectory();
        var entries = new GradebookEntry[folders.Length];
        var graphs = new AccessGraph?[folders.Length];
        var html = format == "html";
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (Consoles.IsTerminalError(error) && folders.Length > 0)
        {
            Consoles.For(error).Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask($"Grading {folders.Length} submissions", maxValue: folders.Length);
                Parallel.For(0, folders.Length, options, i =>
                {
                    (entries[i], graphs[i]) = Grade(grader, folders[i], timeout, html);
                    task.Increment(1);
                });
            });
        }
        else
        {
            Parallel.For(0, folders.Length, options, i => (entries[i], graphs[i]) = Grade(grader, folders[i], timeout, html));
        }

        var max = entries.Select(e => e.Outcome.Report?.MaxScore).FirstOrDefault(m => m is not null) ?? grader.Scenario.Checks.Sum(c => c.Weight);
        IReadOnlyList<string> written;
        try
        {
            written = GradebookWriter.Write(target, grader.Scenario.Id, entries, max, shard, junit: format == "junit", html: html,
                i => entries[i].Outcome.Report is { } report ? LearnerReportHtml.Write(report, graphs[i]) : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"iamlab: cannot write the gradebook in {target}: {e.Message}");
            return ExitCodes.UsageError;
        }

        var passed = entries.Count(e => e.Outcome.Report?.Passed == true);
        var unreadable = entries.Count(e => e.Outcome.Report is null);
        var mean = entries.Length == 0 ? 0 : entries.Average(e => (double)(e.Outcome.Report?.Score ?? 0));
        var share = shard is null ? string.Empty : $" (share {shard} of {all.Length})";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{grader.Scenario.Id}: graded {entries.Length} submissions{share}: {passed} passed, {entries.Length - passed - unreadable} failed, {unreadable} unreadable; mean score {mean:0.0}/{max}."));
        output.WriteLine($"Gradebook: {string.Join(", ", written)}");
        foreach (var entry in entries.Where(e => e.Outcome.Report is null))
        {
            error.WriteLine(SafeText.Terminal($"iamlab: {entry.Name}: {string.Join("; ", entry.Outcome.Problems)}"));
        }

        return GradeExitStatus.OfClass(entries.Select(e => e.Outcome).ToList());
    }

    // A learner's page draws the world the grader built, within the submission's time limit; the other formats need no world.
    private static (GradebookEntry Entry, AccessGraph? Graph) Grade(Grader grader, string folder, TimeSpan timeout, bool html)
    {
        var (outcome, graph) = GuardedGrading.GradeForReport(grader, folder, timeout, refuseLinkedFolder: true, drawGraph: html);
        return (new GradebookEntry(Path.GetFileName(folder), outcome), graph);
    }
}
