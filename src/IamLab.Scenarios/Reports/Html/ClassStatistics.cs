namespace IamLab.Scenarios.Reports.Html;

/// <summary>
/// What a class page shows: how scores spread (eleven bins: 0-9 %, ..., 90-99 %, 100 %), each check's pass rate among
/// the graded submissions, and the checks failed most often with an example (the first failing submission by name).
/// </summary>
/// <param name="Bins">How many submissions fall in each bin (index 10 is full marks).</param>
/// <param name="PassRates">Each check (in the scenario's order) with how many graded submissions passed it, of how many.</param>
/// <param name="MostFailed">The checks failed most often: name, how many failed it, an example submission and its message.</param>
public sealed record ClassStatistics(
    IReadOnlyList<int> Bins,
    IReadOnlyList<(string Check, int Passed, int Of)> PassRates,
    IReadOnlyList<(string Check, int Failed, string Example, string Message)> MostFailed)
{
    /// <summary>How many failing checks are listed.</summary>
    public const int MostFailedCount = 5;

    /// <summary>The statistics of <paramref name="rows"/>.</summary>
    public static ClassStatistics Of(IReadOnlyList<ClassRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bins = new int[11];
        foreach (var row in rows)
        {
            var percent = row.MaxScore == 0 ? 100 : 100.0 * row.Score / row.MaxScore;
            bins[percent >= 100 ? 10 : Math.Clamp((int)(percent / 10), 0, 9)]++;
        }

        var graded = rows.Where(r => r.Checks.Count > 0).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var names = graded.SelectMany(r => r.Checks.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();
        var rates = names.Select(n => (n, graded.Count(r => r.Checks.Any(c => c.Name == n && c.Status == "pass")), graded.Count(r => r.Checks.Any(c => c.Name == n)))).ToList();
        var failed = names
            .Select(n => (Check: n, Failing: graded.Where(r => r.Checks.Any(c => c.Name == n && c.Status is "fail" or "error")).ToList()))
            .Where(f => f.Failing.Count > 0)
            .OrderByDescending(f => f.Failing.Count).ThenBy(f => names.IndexOf(f.Check))
            .Take(MostFailedCount)
            .Select(f => (f.Check, f.Failing.Count, f.Failing[0].Name, f.Failing[0].Checks.First(c => c.Name == f.Check).Message))
            .ToList();
        return new ClassStatistics(bins, rates, failed);
    }
}
