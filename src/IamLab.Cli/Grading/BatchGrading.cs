using System.Globalization;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Reports;
using Spectre.Console;

namespace IamLab.Cli.Grading;

/// <summary>
/// <c>iamlab grade ID --submissions DIR</c>: grades every sub-folder in parallel (one grader, shared scenario and
/// identity providers), shows a progress bar on a terminal, and writes gradebook.csv and gradebook.json.
/// </summary>
internal static class BatchGrading
{
    public static int Run(Grader grader, string folder, string format, string? outputFolder, TimeSpan timeout, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"iamlab: the submissions folder {folder} does not exist.");
            return ExitCodes.UsageError;
        }

        var folders = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray();
        if (folders.Length == 0)
        {
            error.WriteLine($"iamlab: {folder} has no sub-folders to grade.");
            return ExitCodes.UsageError;
        }

        var target = outputFolder ?? Directory.GetCurrentDirectory();
        var entries = new GradebookEntry[folders.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        if (Consoles.IsTerminalError(error))
        {
            Consoles.For(error).Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask($"Grading {folders.Length} submissions", maxValue: folders.Length);
                Parallel.For(0, folders.Length, options, i =>
                {
                    entries[i] = Grade(grader, folders[i], timeout);
                    task.Increment(1);
                });
            });
        }
        else
        {
            Parallel.For(0, folders.Length, options, i => entries[i] = Grade(grader, folders[i], timeout));
        }

        var max = entries.Select(e => e.Outcome.Report?.MaxScore).FirstOrDefault(m => m is not null) ?? grader.Scenario.Checks.Sum(c => c.Weight);
        var csv = Path.Combine(target, "gradebook.csv");
        var json = Path.Combine(target, "gradebook.json");
        try
        {
            Directory.CreateDirectory(target);
            File.WriteAllText(csv, Gradebook.Csv(entries, max));
            File.WriteAllText(json, Gradebook.Json(grader.Scenario.Id, entries, max));
            if (format == "junit")
            {
                File.WriteAllText(Path.Combine(target, "gradebook.junit.xml"), JunitReport.Write(entries.Select(e => e.Outcome.Report).OfType<GradeReport>()));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"iamlab: cannot write the gradebook in {target}: {e.Message}");
            return ExitCodes.UsageError;
        }

        var passed = entries.Count(e => e.Outcome.Report?.Passed == true);
        var unreadable = entries.Count(e => e.Outcome.Report is null);
        var mean = entries.Average(e => (double)(e.Outcome.Report?.Score ?? 0));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{grader.Scenario.Id}: graded {entries.Length} submissions: {passed} passed, {entries.Length - passed - unreadable} failed, {unreadable} unreadable; mean score {mean:0.0}/{max}."));
        output.WriteLine($"Gradebook: {csv}, {json}");
        foreach (var entry in entries.Where(e => e.Outcome.Report is null))
        {
            error.WriteLine(SafeText.Terminal($"iamlab: {entry.Name}: {string.Join("; ", entry.Outcome.Problems)}"));
        }

        return passed == entries.Length ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static GradebookEntry Grade(Grader grader, string folder, TimeSpan timeout) =>
        new(Path.GetFileName(folder), GuardedGrading.Grade(grader, folder, timeout, refuseLinkedFolder: true));
}
