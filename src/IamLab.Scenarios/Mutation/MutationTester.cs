using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Mutation;

/// <summary>
/// Mutates a scenario's reference solution one site at a time (<see cref="PolicyMutator"/>), grades every mutant with the
/// visible checks, and reports those still earning full marks: each must be killed by a visible check or declared in
/// the scenario's <c>equivalentMutants</c>.
/// </summary>
public static class MutationTester
{
    /// <summary>Runs the mutants of <paramref name="scenario"/>'s solution/ through <paramref name="visible"/> (a grader without hidden checks).</summary>
    public static MutationReport Run(Scenario scenario, Grader visible)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(visible);
        var folder = Path.Combine(scenario.Directory, "solution");
        var (solution, readProblems) = SubmissionLoader.Load(scenario, folder);
        if (solution is null)
        {
            return new MutationReport(scenario.Id, [], readProblems.Select(p => $"the solution cannot be mutated: {p}").ToList());
        }

        var outcomes = Mutants(scenario, solution).AsParallel().AsOrdered().Select(mutant =>
        {
            var report = visible.Grade(new Submission(folder, mutant.Files));
            var killedBy = report.Errors.Count > 0
                ? report.Errors.Select(e => e.Code).Distinct().ToList()
                : report.Checks.Where(c => c.Score < c.Weight || c.Status is CheckStatus.Fail or CheckStatus.Error).Select(c => c.Name).ToList();
            return new MutantOutcome(mutant, report.Score, report.MaxScore, killedBy, scenario.EquivalentMutants.FirstOrDefault(e => e.Id == mutant.Id));
        }).ToList();

        var problems = new List<string>();
        foreach (var survivor in outcomes.Where(o => o.Survived && o.Declared is null))
        {
            problems.Add($"mutant \"{survivor.Mutant.Id}\" ({survivor.Mutant.Mutation.Description}) still earns full marks: kill it with a visible check, or declare it under equivalentMutants with a one-line reason if it is truly equivalent.");
        }

        foreach (var declared in scenario.EquivalentMutants)
        {
            var outcome = outcomes.FirstOrDefault(o => o.Mutant.Id == declared.Id);
            if (outcome is null)
            {
                problems.Add($"{declared.Spot}: equivalentMutants names \"{declared.Id}\", which is no mutant of the solution.");
            }
            else if (!outcome.Survived)
            {
                problems.Add($"{declared.Spot}: equivalentMutants names \"{declared.Id}\", but the checks kill it ({string.Join(", ", outcome.KilledBy)}); remove the declaration.");
            }
        }

        return new MutationReport(scenario.Id, outcomes, problems);
    }

    /// <summary>Every mutant of <paramref name="solution"/>, file by file in the scenario's order.</summary>
    public static IReadOnlyList<Mutant> Mutants(Scenario scenario, Submission solution)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(solution);
        var mutants = new List<Mutant>();
        // Only policies are mutated: the mistakes the operators model are policy mistakes.
        foreach (var file in scenario.Files.Where(f => f.IsPolicy))
        {
            foreach (var mutation in PolicyMutator.Mutate(solution.Files[file.Name]))
            {
                var files = new Dictionary<string, string>(solution.Files, StringComparer.Ordinal) { [file.Name] = mutation.Json };
                mutants.Add(new Mutant(file.Name, mutation, files));
            }
        }

        return mutants;
    }
}
