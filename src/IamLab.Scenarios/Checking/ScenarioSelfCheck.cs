using IamLab.Policy.Diagnostics;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Mutation;
using IamLab.Scenarios.Reports;

namespace IamLab.Scenarios.Checking;

/// <summary>
/// What <c>iamlab check</c> asserts of one scenario: it loads; starter/ and solution/ hold exactly its files; the solution
/// scores full marks with no ERROR and no security finding, the example hidden checks included; the starter and the
/// empty submission score exactly 0 points; the answers corpus holds (see <see cref="AnswerCorpus"/>); every example
/// hidden check quotes the README's task; no mutant of the solution survives undeclared; and no hidden check's request
/// shows in any output format.
/// </summary>
public static class ScenarioSelfCheck
{
    /// <summary>The folder of example hidden checks inside the scenarios folder.</summary>
    public const string HiddenExample = "hidden-example";

    /// <summary>Checks scenario <paramref name="id"/> of <paramref name="scenariosFolder"/>.</summary>
    public static SelfCheckReport Run(string scenariosFolder, string id, SelfCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenariosFolder);
        options ??= new SelfCheckOptions();
        var problems = new List<string>();
        var loaded = ScenarioLoader.Load(Path.Combine(scenariosFolder, id));
        if (loaded.Scenario is not { } scenario)
        {
            problems.AddRange(loaded.Problems.Select(p => p.ToString()));
            return new SelfCheckReport(id, problems, "cannot be loaded", null);
        }

        problems.AddRange(FileSets(scenario));
        var hiddenFolder = Path.Combine(scenariosFolder, HiddenExample);
        var (hidden, hiddenProblems) = HiddenCheckLoader.FileFor(hiddenFolder, id) is null ? ([], []) : HiddenCheckLoader.Load(hiddenFolder, scenario);
        problems.AddRange(hiddenProblems.Select(p => p.ToString()));
        problems.AddRange(TasksQuoted(scenario, hidden));
        using var grader = new Grader(scenario, hidden);
        using var visible = new Grader(scenario);

        var solutionScore = "-";
        var solution = grader.Grade(Path.Combine(scenario.Directory, "solution"));
        if (solution.Report is not { } solved)
        {
            problems.AddRange(solution.Problems.Select(p => $"solution: {p}"));
        }
        else
        {
            solutionScore = $"{solved.Score}/{solved.MaxScore}";
            problems.AddRange(solved.Errors.Select(e => $"solution: {e}"));
            problems.AddRange(solved.Findings.Where(f => f.Severity == Diagnostic.SecurityWarningName).Select(f => $"solution has a security finding: {f}"));
            foreach (var check in solved.Checks.Where(c => c.Status != CheckStatus.Pass))
            {
                problems.Add($"solution fails {(check.Hidden ? "hidden " : "")}check {check.Name}: {check.Message} {string.Join(" | ", check.Explanation)}");
            }
        }

        var starterScore = "-";
        var starter = grader.Grade(Path.Combine(scenario.Directory, "starter"));
        if (starter.Report is not { } started)
        {
            problems.AddRange(starter.Problems.Select(p => $"starter must be readable JSON: {p}"));
        }
        else
        {
            starterScore = $"{started.Score}/{started.MaxScore}";
            problems.AddRange(Free("the starter", started));
            problems.AddRange(started.Checks.Where(c => c.Status == CheckStatus.Error).Select(c => $"check {c.Name} cannot run: {c.Message}"));
            problems.AddRange(Leaks(scenario, hidden, started, options.Renderers));
        }

        var empty = grader.Grade(EmptySubmission.For(scenario));
        problems.AddRange(Free("the empty submission (every file a policy with no statement)", empty));

        var (answerProblems, wrong, right) = AnswerCorpus.Check(scenario, visible, grader);
        problems.AddRange(answerProblems);

        MutationReport? mutation = null;
        var mutants = "no mutants";
        if (options.Mutants && solution.Report is not null)
        {
            mutation = MutationTester.Run(scenario, visible);
            problems.AddRange(mutation.Problems);
            mutants = $"{mutation.Outcomes.Count} mutants ({mutation.Survivors.Count} surviving, {mutation.Survivors.Count(s => s.Declared is null)} undeclared)";
        }

        var summary = $"solution {solutionScore}, starter {starterScore}, empty {empty.Score}/{empty.MaxScore}, {wrong} wrong and {right} right answers, {mutants}, {hidden.Count} hidden check(s)";
        return new SelfCheckReport(id, problems, summary, mutation);
    }

    /// <summary>Values of hidden checks' requests found in any output format of <paramref name="report"/>.</summary>
    public static IEnumerable<string> Leaks(Scenario scenario, IReadOnlyList<CheckSpec> hidden, GradeReport report, IReadOnlyList<Func<GradeReport, string>>? renderers = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(report);
        var outputs = new List<string>
        {
            ResultsJson.Write(report), JunitReport.Write([report]), MarkdownReport.Write(report), string.Join('\n', GitHubAnnotations.Lines(report, scenario.Directory)),
        };
        outputs.AddRange((renderers ?? []).Select(render => render(report)));
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

    private static IEnumerable<string> FileSets(Scenario scenario)
    {
        foreach (var side in new[] { "starter", "solution" })
        {
            var folder = Path.Combine(scenario.Directory, side);
            var present = Directory.Exists(folder)
                ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => n != "NOTES.md").ToHashSet(StringComparer.Ordinal)
                : [];
            var expected = scenario.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            if (!present.SetEquals(expected))
            {
                yield return $"{side}/ holds [{string.Join(", ", present.Order(StringComparer.Ordinal))}] but the scenario's files are [{string.Join(", ", expected.Order(StringComparer.Ordinal))}].";
            }
        }
    }

    // A hidden example check may only test what the README's task demands, and says which sentence.
    private static IEnumerable<string> TasksQuoted(Scenario scenario, IReadOnlyList<CheckSpec> hidden)
    {
        var readmePath = Path.Combine(scenario.Directory, "README.md");
        var readme = File.Exists(readmePath) ? File.ReadAllText(readmePath) : string.Empty;
        foreach (var check in hidden)
        {
            if (check.Tests is null)
            {
                yield return $"hidden check {check.Name} ({check.Spot}) has no \"tests:\" quoting the README task sentence it tests.";
            }
            else if (!TaskSection.Quotes(readme, check.Tests))
            {
                yield return $"hidden check {check.Name} ({check.Spot}) quotes \"{check.Tests}\", which is not in the task section of README.md.";
            }
        }
    }

    private static IEnumerable<string> Free(string what, GradeOutcome outcome) =>
        outcome.Report is { } report ? Free(what, report) : outcome.Problems.Select(p => $"{what} cannot be read: {p}");

    private static IEnumerable<string> Free(string what, GradeReport report)
    {
        if (report.Score > 0)
        {
            var earned = report.Checks.Where(c => c.Score > 0).Select(c => $"{c.Name} ({c.Score})");
            yield return $"{what} scores {report.Score}/{report.MaxScore}, not 0: {string.Join(", ", earned)} earn points for nothing (give them requires: or weight 0).";
        }
    }
}
