using System.CommandLine;
using IamLab.Cli.Grading;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Reports;
using IamLab.Scenarios.Reports.Html;
using IamLab.Scenarios.Reports.Sharding;
using IamLab.World.Analysis;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab grade</c>: grades one submission, or a class of them, against a scenario.</summary>
internal static class GradeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("scenario") { Description = "The scenario id (see 'iamlab scenarios list')." };
        var submission = new Option<string?>("--submission") { Description = "A submission folder holding the scenario's files." };
        var submissions = new Option<string?>("--submissions") { Description = "A folder whose sub-folders are submissions (a class); writes a gradebook." };
        var hidden = new Option<string?>("--hidden") { Description = "A folder of hidden checks (<id>.yaml or <id>/checks.yaml)." };
        var format = new Option<string>("--format") { Description = "text, json, junit, markdown or html (one self-contained page; with --submissions, gradebook.html and a page per learner).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ReportFormat.Names);
        var outputPath = new Option<string?>("--output")
        {
            Description = "Write the report to this file (with --submissions: the folder for gradebook.csv and gradebook.json; default the current folder).",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "With --submissions: grade only share i of n (i/n; a submission's share depends on its name alone). Merge the shares with 'iamlab gradebook merge'.",
        };
        shard.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && ShardSpec.Parse(text, out var problem) is null)
            {
                result.AddError(problem!);
            }
        });
        var scenarios = new Option<string?>("--scenarios") { Description = "The scenarios folder (default: the scenarios shipped with the tool, never ones found from the current folder)." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one submission may take before it is stopped without a grade (default 10).",
            DefaultValueFactory = _ => GuardedGrading.DefaultTimeout.TotalSeconds,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > 3600)
            {
                result.AddError("--timeout must be between 0 and 3600 seconds.");
            }
        });
        var hintLevel = new Option<int?>("--hint-level")
        {
            Description = "Show the hints at this level: 1 a nudge, 2 the concept, 3 the answer (default: one more level after each failed attempt).",
        };
        hintLevel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > HintAttempts.MaxLevel)
            {
                result.AddError("--hint-level must be 1, 2 or 3.");
            }
        });
        var hintState = new Option<string?>("--hint-state")
        {
            Description = "The file that counts failed attempts for the hint levels (default ~/.local/state/iamlab/hint-attempts.json).",
        };
        var command = new Command("grade", "Grade a submission (or a class of submissions) against a scenario's checks.")
        {
            id, submission, submissions, hidden, format, outputPath, shard, scenarios, timeout, hintLevel, hintState,
        };
        command.SetAction(parse =>
        {
            var one = parse.GetValue(submission);
            var many = parse.GetValue(submissions);
            if ((one is null) == (many is null))
            {
                error.WriteLine("iamlab grade: give either --submission DIR or --submissions DIR.");
                return ExitCodes.UsageError;
            }

            if (one is not null && parse.GetValue(shard) is not null)
            {
                error.WriteLine("iamlab grade: --shard splits a class; give it with --submissions DIR.");
                return ExitCodes.UsageError;
            }

            var folder = ScenarioFolder.Locate(parse.GetValue(scenarios), error);
            var scenario = folder is null ? null : ScenarioFolder.Load(folder, parse.GetValue(id)!, error);
            if (scenario is null)
            {
                return ExitCodes.UsageError;
            }

            var hiddenChecks = LoadHidden(parse.GetValue(hidden), scenario, error);
            if (hiddenChecks is null)
            {
                return ExitCodes.UsageError;
            }

            using var grader = new Grader(scenario, hiddenChecks);
            var chosen = parse.GetValue(format)!;
            try
            {
                var limit = TimeSpan.FromSeconds(parse.GetValue(timeout));
                var hints = new HintChoice(parse.GetValue(hintLevel), new HintAttempts(parse.GetValue(hintState) ?? HintAttempts.DefaultFile()));
                return one is not null
                    ? GradeOne(grader, one, chosen, parse.GetValue(outputPath), limit, hints, output, error)
                    : BatchGrading.Run(grader, many!, chosen, parse.GetValue(outputPath), limit, parse.GetValue(shard) is { } share ? ShardSpec.Parse(share, out _) : null, output, error);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug in the grader: one line for the learner (no stack trace), distinct from a failed check.
                error.WriteLine($"iamlab grade: internal error while grading ({e.GetType().Name}: {e.Message}); please report it with the submission.");
                return ExitCodes.InternalError;
            }
        });
        return command;
    }

    /// <summary>The hidden checks for the scenario (empty without --hidden), or null with the problems written.</summary>
    public static IReadOnlyList<CheckSpec>? LoadHidden(string? folder, Scenario scenario, TextWriter error)
    {
        if (folder is null)
        {
            return [];
        }

        var (checks, problems) = HiddenCheckLoader.Load(folder, scenario);
        foreach (var problem in problems)
        {
            error.WriteLine($"iamlab: {problem}");
        }

        return problems.Count == 0 ? checks : null;
    }

    private static int GradeOne(Grader grader, string folder, string format, string? outputPath, TimeSpan timeout, HintChoice hints, TextWriter output,
        TextWriter error)
    {
        var scenarioId = grader.Scenario.Id;
        var level = hints.Level ?? hints.Attempts.LevelFor(scenarioId, folder);
        // The HTML page draws the world the grader built (within the same time limit); the other formats need no world.
        var (outcome, graph) = GuardedGrading.GradeForReport(grader, folder, timeout, refuseLinkedFolder: false, drawGraph: format == "html", level);
        if (outcome.Report is { } graded && hints.Level is null)
        {
            hints.Attempts.Record(scenarioId, folder, graded.FullMarks);
        }

        if (outcome.Report is not { } report)
        {
            foreach (var problem in outcome.Problems)
            {
                error.WriteLine(SafeText.Terminal($"iamlab: {problem}"));
            }

            return GradeExitStatus.Of(outcome);
        }

        if (outputPath is not null)
        {
            try
            {
                File.WriteAllText(outputPath, Render(format, report, graph));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"iamlab: cannot write {outputPath}: {e.Message}");
                return ExitCodes.UsageError;
            }

            output.WriteLine($"{report.Scenario}: {report.Score}/{report.MaxScore}; report written to {outputPath}.");
        }
        else if (format == "text")
        {
            TextReport.Write(report, output);
        }
        else
        {
            output.Write(Render(format, report, graph));
        }

        if (string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            // GitHub documents workflow commands on standard output (its runner reads standard error too); keep them off
            // standard output when it carries a json, junit or markdown document that a later step reads.
            var target = outputPath is null && format is not "text" ? error : output;
            // GitHub runs the step in the repository root (GITHUB_WORKSPACE), and names files relative to it.
            foreach (var line in GitHubAnnotations.Lines(report, Environment.CurrentDirectory))
            {
                target.WriteLine(line);
            }
        }

        return GradeExitStatus.Of(outcome);
    }

    private static string Render(string format, GradeReport report, AccessGraph? graph) =>
        format == "html" ? LearnerReportHtml.Write(report, graph) : ReportFormat.Render(format, report);
}
