using IamLab.Lessons.Commands;
using IamLab.Lessons.Text;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Reports;
using IamLab.Scenarios.Submissions;
using IamLab.World;

namespace IamLab.Lessons.Labs;

/// <summary>
/// The lesson's <c>#!lab-*</c> commands as a labs app runs them: the same world, grader, STS and charts as the notebook
/// commands (docs/notebook-commands.md), shown as text, with every chart added to the app's HTML page.
/// </summary>
internal static class LabCommands
{
    public static void Run(LabApp app, CommandLine line, TextWriter output)
    {
        if (line.Get("--at") is { Length: > 0 } at)
        {
            MoveClock(app, CommandArguments.At(at, RequireWorld(app).Time.GetUtcNow(), "--at"), "--at", output);
        }

        switch (line.Name)
        {
            case "#!lab-scenario":
                Scenario(app, line, output);
                break;
            case "#!lab-grade":
                Grade(app, output);
                break;
            case "#!lab-assume-role" or "#!lab-saml" or "#!lab-github-oidc":
                StsCommands.Assume(app, line, output);
                break;
            case "#!lab-simulate":
                StsCommands.Simulate(app, line, output);
                break;
            case "#!lab-advance":
                Advance(app, line, output);
                break;
            case "#!lab-chain" or "#!lab-timeline" or "#!lab-access-graph" or "#!lab-matrix":
                ChartCommands.Draw(app, line, output);
                break;
            case "#!lab-events":
                EventCommands.Show(app, line, output);
                break;
            case "#!lab-endpoint":
                output.WriteLine("  (The notebook starts the lab's AWS endpoint here. From a terminal: dotnet run --project src/IamLab.Cli -- serve"
                    + $" --scenario {app.Scenario?.Id ?? "ID"}{(app.Folder is null ? string.Empty : " --submission " + app.Folder)}; see the README, \"The endpoint: iamlab serve\".)");
                break;
            case "#!lab-help":
                output.WriteLine("  (The notebook lists its commands here; they are described in docs/notebook-commands.md.)");
                break;
            default:
                throw new LabStepException($"{line.Name} is a notebook command the labs apps do not run; open the lesson's notebook for it.");
        }
    }

    internal static LabWorld RequireWorld(LabApp app) =>
        app.World ?? throw new LabCommandException(ErrorCodes.NoScenario, "No scenario is started (the lesson starts one with #!lab-scenario).");

    private static void Scenario(LabApp app, CommandLine line, TextWriter output)
    {
        var id = CommandArguments.Required(line.Get("--id", isImplicit: true), "ID (--id)", line.Name);
        var folder = Path.Combine(app.Root, "scenarios", id);
        var loaded = ScenarioLoader.Load(folder);
        if (!loaded.IsSuccess)
        {
            throw new LabStepException($"the scenario {id} does not load: {string.Join("; ", loaded.Problems)}");
        }

        var scenario = loaded.Scenario!;
        var starter = ScenarioFolderTexts.Read(scenario, "starter");
        var files = line.Has("--solution") ? ScenarioFolderTexts.Read(scenario, "solution") : starter;
        var source = line.Has("--solution") ? "the scenario's solution" : "the starter files";
        if (!line.Has("--solution") && id == app.ScenarioId && app.Folder is { } learner)
        {
            var (submission, problems) = SubmissionLoader.Load(scenario, learner);
            foreach (var problem in problems)
            {
                output.WriteLine("  " + SafeText.Terminal(problem.ToString()));
            }

            // A file that cannot be read keeps its starter text in the world; grading reports the problem.
            files = new Dictionary<string, string>(starter, StringComparer.Ordinal);
            foreach (var (name, text) in submission?.Files ?? ReadableFiles(scenario, learner))
            {
                files[name] = text;
            }

            source = problems.Count == 0 ? "your files in " + learner : $"your files in {learner} that could be read (the others keep their starter text)";
        }

        var session = new ScenarioSession(scenario);
        var (world, error) = session.BuildWorld(files, app.Folder ?? scenario.Directory);
        if (world is null)
        {
            output.WriteLine($"  The {id} world cannot be built with {source}: {SafeText.Terminal(error ?? string.Empty)}");
            output.WriteLine("  It is built with the starter files instead; fix the file and run the lesson again.");
            (world, error) = session.BuildWorld(starter, scenario.Directory);
            if (world is null)
            {
                session.Dispose();
                throw new LabStepException($"the {id} world cannot be built: {error}");
            }
        }

        app.UseScenario(scenario, session, world, source.StartsWith("your", StringComparison.Ordinal) ? files : new Dictionary<string, string>(StringComparer.Ordinal));
        output.WriteLine($"  {scenario.Title} ({scenario.Id}); the world is built with {source}; its clock reads {Times.Iso(world.Time.GetUtcNow())}.");
        output.WriteLine($"  Files: {string.Join(", ", scenario.Files.Select(f => $"{f.Name} ({f.KindName})"))}; {scenario.Checks.Count} visible checks.");
    }

    /// <summary>The files of the learner's folder that can be read when others cannot (each read as the grader reads it).</summary>
    private static IEnumerable<KeyValuePair<string, string>> ReadableFiles(Scenario scenario, string folder)
    {
        foreach (var file in scenario.Files)
        {
            var single = scenario with { Files = [file] };
            if (SubmissionLoader.Load(single, folder).Submission?.Files is { } read && read.TryGetValue(file.Name, out var text))
            {
                yield return new KeyValuePair<string, string>(file.Name, text);
            }
        }
    }

    private static void Grade(LabApp app, TextWriter output)
    {
        var scenario = app.Scenario ?? throw new LabCommandException(ErrorCodes.NoScenario, "Grading needs a scenario: the lesson starts one with #!lab-scenario.");
        Submission submission;
        if (app.Folder is { } folder && scenario.Id == app.ScenarioId)
        {
            var (loaded, problems) = SubmissionLoader.Load(scenario, folder);
            if (loaded is null)
            {
                throw new LabStepException($"your files cannot be graded: {string.Join("; ", problems.Select(p => SafeText.Terminal(p.ToString())))}");
            }

            submission = loaded;
        }
        else
        {
            submission = new Submission(scenario.Directory, ScenarioFolderTexts.Read(scenario, "starter"));
        }

        using var grader = new Grader(scenario);
        var report = grader.Grade(submission);
        output.WriteLine(LabApp.Indent(LabApp.Terminal(MarkdownReport.Write(report))));
        if (app.Folder is not null && scenario.Id == app.ScenarioId)
        {
            app.Grade = report;
        }
    }

    private static void Advance(LabApp app, CommandLine line, TextWriter output)
    {
        var world = RequireWorld(app);
        var now = world.Time.GetUtcNow();
        var by = line.Get("--by", isImplicit: true);
        var to = line.Get("--to");
        CommandArguments.ExactlyOne(by, "--by", to, "--to", line.Name);
        var target = by is { Length: > 0 }
            ? CommandArguments.Later(now, CommandArguments.Duration(by, "--by"), "--by")
            : CommandArguments.At(to!, now, "--to");
        MoveClock(app, target, by is { Length: > 0 } ? "--by" : "--to", output);
        var sessions = world.Sts.Sessions.Values.OrderBy(s => s.Start).ToList();
        foreach (var session in sessions)
        {
            var left = session.Expiration - target;
            output.WriteLine($"  {session.RoleName}/{session.SessionName}: {(left > TimeSpan.Zero ? Times.Duration(left) + " left" : "expired at " + Times.Iso(session.Expiration))}");
        }
    }

    private static void MoveClock(LabApp app, DateTimeOffset target, string parameter, TextWriter output)
    {
        var world = RequireWorld(app);
        var now = world.Time.GetUtcNow();
        LabClock.MoveForward(world, target, parameter);
        output.WriteLine($"  The world's clock: {Times.Iso(now)} → {Times.Iso(target)} (+{Times.Duration(target - now)}).");
    }
}
