using System.CommandLine;
using IamLab.Cli.Grading;
using IamLab.Scenarios.Checking;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Mutation;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab check</c>: checks every scenario against its solution, starter, an empty submission, its answers corpus, the
/// mutants of its solution and the example hidden checks; <c>--mutants</c> runs and lists only the mutants.
/// </summary>
internal static class CheckCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var scenarios = new Option<string?>("--scenarios") { Description = "The scenarios folder (default: the scenarios shipped with the tool)." };
        var mutants = new Option<bool>("--mutants") { Description = "Only mutate each solution and list the mutants that still earn full marks." };
        var only = new Argument<string[]>("scenario") { Description = "Check only these scenarios.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check",
            "For every scenario: the solution scores full marks, the starter and an empty submission score 0, every wrong answer fails its check, "
            + "every right answer scores full marks, no mutant of the solution survives undeclared, and no hidden check's request appears in any output.")
        {
            scenarios, mutants, only,
        };
        command.SetAction(parse =>
        {
            var folder = ScenarioFolder.Locate(parse.GetValue(scenarios), error);
            if (folder is null)
            {
                return ExitCodes.UsageError;
            }

            if (!ShippedScenarios.HoldAnswers(folder))
            {
                error.WriteLine($"iamlab check: {CheckCodes.NoAnswers}: the scenarios in {folder} carry no solutions or answers (the packaged tool leaves "
                    + "them out, so that a learner who installs it cannot read them); run iamlab check in a clone of the lab's repository "
                    + "(dotnet run --project src/IamLab.Cli -- check), or give --scenarios DIR of one.");
                return ExitCodes.UsageError;
            }

            var ids = ScenarioCatalog.Ids(folder);
            var chosen = parse.GetValue(only) ?? [];
            foreach (var unknown in chosen.Where(c => !ids.Contains(c, StringComparer.Ordinal)))
            {
                error.WriteLine($"iamlab check: there is no scenario \"{unknown}\" in {folder}.");
                return ExitCodes.UsageError;
            }

            var list = chosen.Length > 0 ? chosen : ids.ToArray();
            var failed = parse.GetValue(mutants) ? list.Count(id => !Mutants(folder, id, output)) : list.Count(id => !Check(folder, id, output));
            output.WriteLine(failed == 0 ? $"All {list.Length} scenarios pass." : $"{failed} scenario(s) failed.");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static bool Check(string folder, string id, TextWriter output)
    {
        var report = ScenarioSelfCheck.Run(folder, id, new SelfCheckOptions { Renderers = [TextReport.Render] });
        output.WriteLine($"{(report.IsSound ? "ok  " : "FAIL")} {id}: {report.Summary}");
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"     - {problem}");
        }

        return report.IsSound;
    }

    private static bool Mutants(string folder, string id, TextWriter output)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(folder, id));
        if (loaded.Scenario is not { } scenario)
        {
            output.WriteLine($"FAIL {id}: cannot be loaded");
            foreach (var problem in loaded.Problems)
            {
                output.WriteLine($"     - {problem}");
            }

            return false;
        }

        using var visible = new Grader(scenario);
        var report = MutationTester.Run(scenario, visible);
        var survivors = report.Survivors;
        output.WriteLine($"{(report.Problems.Count == 0 ? "ok  " : "FAIL")} {id}: {report.Outcomes.Count} mutants, {report.Outcomes.Count - survivors.Count} killed, "
            + $"{survivors.Count} surviving ({survivors.Count(s => s.Declared is not null)} declared equivalent)");
        foreach (var survivor in survivors)
        {
            var verdict = survivor.Declared is { } declared ? $"equivalent: {declared.Reason}" : $"SURVIVES: {survivor.Mutant.Mutation.Description}";
            output.WriteLine($"     {survivor.Mutant.Id}");
            output.WriteLine($"         {verdict}");
        }

        foreach (var problem in report.Problems.Where(p => !p.StartsWith("mutant \"", StringComparison.Ordinal)))
        {
            output.WriteLine($"     - {problem}");
        }

        return report.Problems.Count == 0;
    }
}
