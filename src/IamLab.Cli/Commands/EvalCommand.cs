using System.CommandLine;
using IamLab.Cli.Output;
using IamLab.Policy.Cases;
using IamLab.Policy.Evaluation;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab eval</c>: evaluates cases of the case format and explains each decision.</summary>
internal static class EvalCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("case") { Description = "A case file (one case object or an array of cases).", Arity = ArgumentArity.ZeroOrOne };
        var cases = new Option<string?>("--cases") { Description = "A JSON Lines file, one case per line; writes one JSON result per line, in input order." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of text." };
        var why = new Option<bool>("--why") { Description = "Show only the checks that failed (\"why was I denied?\")." };
        var command = new Command("eval", "Evaluate a request against its policies and explain the decision.") { file, cases, json, why };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            var linesPath = parse.GetValue(cases);
            if ((path is null) == (linesPath is null))
            {
                error.WriteLine("iamlab eval: give either a case file or --cases FILE.jsonl.");
                return ExitCodes.UsageError;
            }

            return linesPath is not null
                ? EvalLines.Run(linesPath, output, error)
                : RunFile(path!, parse.GetValue(json), parse.GetValue(why), output, error);
        });
        return command;
    }

    private static int RunFile(string path, bool asJson, bool onlyFailures, TextWriter output, TextWriter error)
    {
        if (!InputFile.TryRead(path, error, out var text))
        {
            return ExitCodes.UsageError;
        }

        var (read, problem) = CaseReader.ReadMany(text);
        if (problem is not null)
        {
            error.WriteLine($"{path}:{problem.Position}: {problem.Code}: {problem.Message}");
            return ExitCodes.UsageError;
        }

        var status = ExitCodes.Success;
        foreach (var evalCase in read)
        {
            foreach (var d in evalCase.Diagnostics)
            {
                error.WriteLine(DiagnosticLine.Format(path, d, withJsonPath: false));
            }

            var outcome = CaseOutcome.Evaluate(evalCase, trace: !asJson);
            if (outcome.Unreadable && !(outcome.Refused && evalCase.ExpectsRefusal && !outcome.Mismatch))
            {
                status = ExitCodes.UsageError;
            }
            else if (outcome.Mismatch && status == ExitCodes.Success)
            {
                status = ExitCodes.Failed;
            }

            if (asJson)
            {
                output.WriteLine(CaseJson.Write(outcome, indented: read.Count == 1));
                continue;
            }

            output.WriteLine($"== {evalCase.Name}");
            if (outcome.Result is { } result)
            {
                output.Write(Explanation.Render(DecisionExplanation.Of(evalCase.Request!, result, outcome.Collector, evalCase.Policies), onlyFailures));
                if (evalCase.Expected is { } expected)
                {
                    output.WriteLine(result.Decision == expected ? $"Expected {expected.ToName()}: as expected." : $"Expected {expected.ToName()}: MISMATCH.");
                }
            }
            else if (outcome.Refused)
            {
                // No decision is printed: AWS would have refused such a policy at upload, so it never decides such a request.
                output.WriteLine("Refused: a policy of this case has errors AWS would refuse at upload (listed on standard error); no decision is made.");
            }

            output.WriteLine();
        }

        return status;
    }
}
