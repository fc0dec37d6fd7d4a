using System.Runtime.CompilerServices;
using IamLab.Lessons.Authoring;
using IamLab.Lessons.Chains;
using IamLab.Lessons.Commands;
using IamLab.Policy.Validation;
using IamLab.Scenarios.Submissions;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;
using IamLab.World;

namespace IamLab.Lessons.Labs;

/// <summary>
/// A lesson run as a terminal app (<c>dotnet run labs/NAME.cs</c>): prints the lesson step by step, runs its
/// <c>#!lab-*</c> commands against the scenario's world built with the learner's files, grades those files with the same
/// grader as <c>iamlab grade</c>, and writes the lesson's charts to one self-contained HTML page. The app's code is
/// generated from the lesson's source by <c>iamlab notebook build</c>.
/// </summary>
public sealed class LabApp : IDisposable
{
    private readonly TextWriter output;
    private readonly LabOptions options;
    private int step;

    private LabApp(string lesson, string? scenarioId, string root, LabOptions options, TextWriter output)
    {
        Lesson = lesson;
        ScenarioId = scenarioId;
        Root = root;
        this.options = options;
        this.output = output;
        Page = new LabPage(lesson);
    }

    /// <summary>The lesson's name, e.g. <c>05-cross-account-external-id</c>.</summary>
    public string Lesson { get; }

    /// <summary>The scenario whose files the learner writes, or null for a lesson without exercises.</summary>
    public string? ScenarioId { get; }

    /// <summary>The repository the app belongs to (its scenarios are the ones used).</summary>
    public string Root { get; }

    /// <summary>The learner's folder (full path), or null for a lesson without exercises.</summary>
    public string? Folder { get; private set; }

    /// <summary>The exit status so far: 2 when the command line or the learner's folder cannot be used.</summary>
    public int? EarlyExit { get; private set; }

    internal LabPage Page { get; }

    internal ChainLog Chains { get; } = new();

    internal Scenario? Scenario { get; private set; }

    internal ScenarioSession? Session { get; private set; }

    internal LabWorld? World { get; private set; }

    /// <summary>The learner's files that were read (the starter's text for a file the learner's folder lacks is not used: grading reports it).</summary>
    internal Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    internal GradeReport? Grade { get; set; }

    internal List<string> Failures { get; } = [];

    /// <summary>
    /// Starts the lesson: reads the command line, finds the repository from the app's own file, and (for a lesson with
    /// exercises) makes the learner's folder from the starter files when it does not exist yet.
    /// </summary>
    public static LabApp Start(string[] args, string lesson, string? scenarioId, [CallerFilePath] string appFile = "", TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        // LabApp.Start is the labs apps' front end (their Main): the learner's relative paths and the fallback search for
        // the repository start from the directory the learner ran `dotnet run` in, as for any command-line tool.
#pragma warning disable RS0030
        var workingDirectory = Environment.CurrentDirectory;
#pragma warning restore RS0030
        var root = FindRoot(Path.GetDirectoryName(appFile) ?? ".") ?? FindRoot(workingDirectory) ?? workingDirectory;
        var (parsed, problem) = LabOptions.Parse(args);
        var app = new LabApp(lesson, scenarioId, root, parsed ?? new LabOptions(null, null, false), output);
        if (problem is not null)
        {
            output.WriteLine(problem == "help" ? LabOptions.Usage : $"{lesson}: {problem}\n{LabOptions.Usage}");
            app.EarlyExit = problem == "help" ? 0 : 2;
            return app;
        }

        if (scenarioId is not null)
        {
            app.Folder = Path.GetFullPath(parsed!.Folder ?? Path.Combine(root, "my-answers", scenarioId));
            if (LearnerFolder.Prepare(app.Folder, Path.Combine(root, "scenarios", scenarioId), output) is { } error)
            {
                output.WriteLine($"{lesson}: {error}");
                app.EarlyExit = 2;
            }
        }

        return app;
    }

    /// <summary>True while the lesson should go on (the command line and the learner's folder were usable).</summary>
    public bool Running => EarlyExit is null;

    /// <summary>A step of text: the lesson's markdown, as terminal text.</summary>
    public void Markdown(string markdown)
    {
        if (!Running)
        {
            return;
        }

        if (step > 0 && options.Pause)
        {
            output.Write("\n[Enter: next step] ");
            Console.ReadLine();
        }

        step++;
        output.WriteLine();
        output.WriteLine($"── step {step} ──");
        output.Write(MarkdownText.Render(markdown));
        Page.Text(markdown);
    }

    /// <summary>A step of text written once for every lesson: the note <paramref name="name"/> of <see cref="SharedCells.Notes"/> (<c>%% note NAME</c> in a lesson's source).</summary>
    public void Note(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Markdown(SharedCells.Notes.TryGetValue(name, out var text)
            ? text
            : throw new ArgumentException($"No note \"{name}\"; the notes are: {string.Join(", ", SharedCells.Notes.Keys)}.", nameof(name)));
    }

    /// <summary>An exercise: the learner's file <paramref name="file"/>, shown with the validator's findings.</summary>
    public void Exercise(string file)
    {
        if (!Running)
        {
            return;
        }

        var path = Path.Combine(Folder ?? ".", file);
        output.WriteLine();
        output.WriteLine($"✎ Your {file}: {path} (edit it, then run the lesson again)");
        if (!Files.TryGetValue(file, out var text))
        {
            output.WriteLine("  (not read: see the problems above)");
            return;
        }

        output.WriteLine(Indent(Terminal(text)));
        var kindName = Scenario?.Files.FirstOrDefault(f => f.Name == file)?.KindName;
        var findings = kindName == RoleSettingsFile.KindName ? RoleSettingsFile.Read(text).Diagnostics
            : kindName is not null && DocumentKinds.TryParse(kindName, out var kind) ? PolicyValidator.Validate(text, kind).Diagnostics : null;
        if (findings is not null)
        {
            foreach (var finding in findings)
            {
                output.WriteLine(Terminal($"  {file}:{finding}"));
            }
        }
    }

    /// <summary>A <c>#!lab-*</c> command of the lesson.</summary>
    public void Run(string commandLine)
    {
        if (!Running)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("> " + commandLine);
        try
        {
            LabCommands.Run(this, CommandLine.Parse(commandLine), output);
        }
        catch (LabStepException e)
        {
            output.WriteLine("✗ " + e.Message);
            Failures.Add($"{commandLine}: {e.Message}");
        }
        catch (LabCommandException e)
        {
            // The notebook's code and message: a cell fails with "#!lab-NAME: CODE: message".
            output.WriteLine($"✗ {e.Code}: {e.Message}");
            Failures.Add($"{commandLine}: {e.Code}: {e.Message}");
        }
    }

    /// <summary>C# of the notebook that calls the lab's endpoint with the AWS SDK: shown, with how to run it against <c>iamlab serve</c>.</summary>
    public void CSharp(string code)
    {
        if (!Running)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("C# with the AWS SDK for .NET (the notebook runs it against the lab's endpoint; here it is for reading, or for your own app");
        output.WriteLine($"against `dotnet run --project src/IamLab.Cli -- serve --scenario {Scenario?.Id ?? ScenarioId ?? "ID"}{(Folder is null ? string.Empty : $" --submission {Folder}")}`):");
        output.WriteLine(Indent(code));
    }

    /// <summary>Writes the charts' page, prints the outcome, and returns the exit status: 0 full marks (or, without exercises, every expectation held), 1 otherwise, 2 unusable input.</summary>
    public int Finish()
    {
        if (EarlyExit is { } early)
        {
            return early;
        }

        output.WriteLine();
        var html = Path.GetFullPath(options.Html ?? Path.Combine(Path.GetDirectoryName(Folder ?? Path.Combine(Root, "my-answers", Lesson))!, Lesson + ".html"));
        if (Page.Write(html) is { } problem)
        {
            output.WriteLine($"{Lesson}: cannot write {html}: {problem}");
            return 2;
        }

        output.WriteLine($"Charts: {html}");
        foreach (var failure in Failures)
        {
            output.WriteLine("✗ " + failure);
        }

        if (ScenarioId is not null && Grade is null)
        {
            output.WriteLine($"{Lesson}: not graded (see above).");
            return 1;
        }

        if (Grade is { } grade)
        {
            output.WriteLine(grade.Score == grade.MaxScore && Failures.Count == 0
                ? $"{Lesson}: {grade.Score}/{grade.MaxScore}, full marks."
                : $"{Lesson}: {grade.Score}/{grade.MaxScore}; edit the files in {Folder} and run the lesson again.");
            return grade.Score == grade.MaxScore && Failures.Count == 0 ? 0 : 1;
        }

        return Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Uses <paramref name="scenario"/>: reads the learner's files and builds its world with them.</summary>
    internal void UseScenario(Scenario scenario, ScenarioSession session, LabWorld world, IReadOnlyDictionary<string, string> files)
    {
        Session?.Dispose();
        Scenario = scenario;
        Session = session;
        World = world;
        Files.Clear();
        foreach (var (name, text) in files)
        {
            Files[name] = text;
        }

        Chains.Clear();
    }

    /// <summary>Text the learner's files may have put in, made safe for a terminal line by line (a control character shows as \u001b-style text).</summary>
    internal static string Terminal(string text) => string.Join('\n', text.TrimEnd().Split('\n').Select(l => IamLab.Scenarios.Reports.SafeText.Terminal(l.TrimEnd('\r'))));

    internal static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose() => Session?.Dispose();

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lab.sln")) && Directory.Exists(Path.Combine(dir.FullName, "scenarios")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
