using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Reports;

namespace IamLab.Cli.Grading;

/// <summary>
/// What <c>iamlab check</c> asserts of one scenario: it loads; starter/ and solution/ hold exactly its files; the
/// solution scores full marks with no ERROR and no security finding; the starter is readable and does not score full
/// marks; the example hidden checks pass on the solution; and no hidden check's request shows in any output format.
/// </summary>
internal static class ScenarioSelfCheck
{
    private const string HiddenExample = "hidden-example";

    /// <summary>The problems found (empty when the scenario is sound), and a one-line summary.</summary>
    public static (List<string> Problems, string Summary) Run(string scenariosFolder, string id)
    {
        var problems = new List<string>();
        var loaded = ScenarioLoader.Load(Path.Combine(scenariosFolder, id));
        if (loaded.Scenario is not { } scenario)
        {
            problems.AddRange(loaded.Problems.Select(p => p.ToString()));
            return (problems, "cannot be loaded");
        }

        foreach (var side in new[] { "starter", "solution" })
        {
            var folder = Path.Combine(scenario.Directory, side);
            var present = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal) : [];
            var expected = scenario.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            if (!present.SetEquals(expected))
            {
                problems.Add($"{side}/ holds [{string.Join(", ", present.Order())}] but the scenario's files are [{string.Join(", ", expected.Order())}].");
            }
        }

        var hiddenFolder = Path.Combine(scenariosFolder, HiddenExample);
        var (hidden, hiddenProblems) = HiddenCheckLoader.FileFor(hiddenFolder, id) is null ? ([], []) : HiddenCheckLoader.Load(hiddenFolder, scenario);
        problems.AddRange(hiddenProblems.Select(p => p.ToString()));
        using var grader = new Grader(scenario, hidden);

        var solution = grader.Grade(Path.Combine(scenario.Directory, "solution"));
        string solutionScore = "-", starterScore = "-";
        if (solution.Report is not { } solved)
        {
            problems.AddRange(solution.Problems.Select(p => $"solution: {p}"));
        }
        else
        {
            solutionScore = $"{solved.Score}/{solved.MaxScore}";
            problems.AddRange(solved.Errors.Select(e => $"solution: {e}"));
            problems.AddRange(solved.Findings.Where(f => f.Severity == "SECURITY_WARNING").Select(f => $"solution has a security finding: {f}"));
            foreach (var check in solved.Checks.Where(c => c.Status != CheckStatus.Pass))
            {
                problems.Add($"solution fails {(check.Hidden ? "hidden " : "")}check {check.Name}: {check.Message} {string.Join(" | ", check.Explanation)}");
            }
        }

        var starter = grader.Grade(Path.Combine(scenario.Directory, "starter"));
        if (starter.Report is not { } started)
        {
            problems.AddRange(starter.Problems.Select(p => $"starter must be readable JSON: {p}"));
        }
        else
        {
            starterScore = $"{started.Score}/{started.MaxScore}";
            if (started.Score == started.MaxScore)
            {
                problems.Add("the starter already scores full marks.");
            }

            problems.AddRange(started.Checks.Where(c => c.Status == CheckStatus.Error).Select(c => $"check {c.Name} cannot run: {c.Message}"));
            problems.AddRange(Leaks(scenario, hidden, started));
        }

        var summary = $"solution {solutionScore}, starter {starterScore}, {hidden.Count} hidden check(s)";
        return (problems, summary);
    }

    /// <summary>Values of hidden checks' requests found in any output format of <paramref name="report"/>.</summary>
    public static IEnumerable<string> Leaks(Scenario scenario, IReadOnlyList<CheckSpec> hidden, GradeReport report)
    {
        var outputs = ReportFormat.Names.Select(f => ReportFormat.Render(f, report)).Append(string.Join('\n', GitHubAnnotations.Lines(report))).ToList();
        foreach (var check in hidden)
        {
            foreach (var secret in HiddenValues.Secrets(scenario, check))
            {
                if (outputs.Any(o => o.Contains(secret, StringComparison.Ordinal)))
                {
                    yield return $"the hidden check {check.Name}'s request value \"{secret}\" appears in the grader's output.";
                }
            }
        }
    }
}
