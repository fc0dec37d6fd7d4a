using System.CommandLine;
using IamLab.Cli.Grading;
using IamLab.Scenarios.Loading;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab check</c>: checks every scenario against its own solution, starter and the example hidden checks.</summary>
internal static class CheckCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var scenarios = new Option<string?>("--scenarios") { Description = "The scenarios folder (found by walking up from here by default)." };
        var only = new Argument<string[]>("scenario") { Description = "Check only these scenarios.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check",
            "For every scenario: the solution scores full marks, the starter does not, the example hidden checks pass on the solution, and no hidden check's request appears in any output.")
        {
            scenarios, only,
        };
        command.SetAction(parse =>
        {
            var folder = ScenarioFolder.Locate(parse.GetValue(scenarios), error);
            if (folder is null)
            {
                return ExitCodes.UsageError;
            }

            var ids = ScenarioCatalog.Ids(folder);
            var chosen = parse.GetValue(only) ?? [];
            foreach (var unknown in chosen.Where(c => !ids.Contains(c, StringComparer.Ordinal)))
            {
                error.WriteLine($"iamlab check: there is no scenario \"{unknown}\" in {folder}.");
                return ExitCodes.UsageError;
            }

            var failed = 0;
            foreach (var id in chosen.Length > 0 ? chosen : ids)
            {
                var (problems, summary) = ScenarioSelfCheck.Run(folder, id);
                output.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")} {id}: {summary}");
                foreach (var problem in problems)
                {
                    output.WriteLine($"     - {problem}");
                }

                failed += problems.Count == 0 ? 0 : 1;
            }

            output.WriteLine(failed == 0 ? $"All {(chosen.Length > 0 ? chosen.Length : ids.Count)} scenarios pass." : $"{failed} scenario(s) failed.");
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
