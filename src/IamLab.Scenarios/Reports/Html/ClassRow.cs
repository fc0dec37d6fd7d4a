
namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// One learner's line in a class report: what the class page needs, made from a graded entry or read back from a
/// gradebook.json part (so that a merged gradebook draws the same page as an unsharded run).
/// </summary>
/// <param name="Name">The submission's name (its folder).</param>
/// <param name="Status">passed, failed, unreadable, timedOut or error.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="Checks">Each check's name, status and message (empty when the submission could not be graded).</param>
/// <param name="Problem">Why it could not be graded (empty when it was).</param>
public sealed record ClassRow(string Name, string Status, int Score, int MaxScore, IReadOnlyList<ClassCheck> Checks, string Problem)
{
    /// <summary>The row of a graded (or refused) submission.</summary>
    public static ClassRow Of(GradebookEntry entry, int maxScore)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var report = entry.Outcome.Report;
        return new ClassRow(entry.Name, Gradebook.Status(entry.Outcome), report?.Score ?? 0, report?.MaxScore ?? maxScore,
            report?.Checks.Select(c => new ClassCheck(c.Name, c.StatusName, c.Message)).ToList() ?? [],
            string.Join("; ", entry.Outcome.Problems.Select(p => p.Message)));
    }
}
