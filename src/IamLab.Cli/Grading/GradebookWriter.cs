using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Reports;
using IamLab.Scenarios.Reports.Html;
using IamLab.Scenarios.Reports.Sharding;

namespace IamLab.Cli.Grading;

/// <summary>
/// Writes a class's gradebook into a folder: gradebook.csv and gradebook.json always, gradebook.junit.xml and
/// gradebook.html (with learners/NAME.html) when asked. One writer for a class run, a share of one, and a merge.
/// </summary>
internal static class GradebookWriter
{
    /// <summary>Writes the files; IO errors are the caller's to report.</summary>
    /// <param name="target">The folder (created when missing).</param>
    /// <param name="scenario">The scenario id.</param>
    /// <param name="entries">The submissions, in the order to list them.</param>
    /// <param name="maxScore">The maximum score.</param>
    /// <param name="shard">The share these entries are (written into gradebook.json), or null for a whole class.</param>
    /// <param name="junit">Also write gradebook.junit.xml.</param>
    /// <param name="html">Also write gradebook.html.</param>
    /// <param name="learnerPage">For entry i, its page, or null for none (only with <paramref name="html"/>).</param>
    /// <returns>The files written, the main ones first.</returns>
    public static IReadOnlyList<string> Write(string target, string scenario, IReadOnlyList<GradebookEntry> entries, int maxScore, ShardSpec? shard,
        bool junit, bool html, Func<int, string?>? learnerPage)
    {
        Directory.CreateDirectory(target);
        var written = new List<string> { Path.Combine(target, "gradebook.csv"), Path.Combine(target, "gradebook.json") };
        File.WriteAllText(written[0], Gradebook.Csv(entries, maxScore));
        File.WriteAllText(written[1], Gradebook.Json(scenario, entries, maxScore, shard));
        if (junit)
        {
            written.Add(Path.Combine(target, "gradebook.junit.xml"));
            File.WriteAllText(written[^1], JunitReport.Write(entries.Select(e => e.Outcome.Report).OfType<GradeReport>()));
        }

        if (html)
        {
            // Pages are written as they are made: a class of 10,000 would not fit in memory at once.
            var anyPage = 0;
            if (learnerPage is not null)
            {
                var learners = Path.Combine(target, ClassReportHtml.LearnersFolder);
                Directory.CreateDirectory(learners);
                Parallel.For(0, entries.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                {
                    if (learnerPage(i) is { } page)
                    {
                        File.WriteAllText(Path.Combine(learners, ClassReportHtml.LearnerFile(entries[i].Name)), page);
                        Interlocked.Exchange(ref anyPage, 1);
                    }
                });
            }

            written.Add(Path.Combine(target, "gradebook.html"));
            var rows = entries.Select(e => ClassRow.Of(e, maxScore)).ToList();
            File.WriteAllText(written[^1], ClassReportHtml.Write(scenario, rows, maxScore, linkLearners: anyPage == 1));
        }

        return written;
    }
}
