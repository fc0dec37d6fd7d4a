using System.Text;
using IamLab.Scenarios.Loading;

namespace IamLab.Lessons.Authoring;

/// <summary>
/// Reads a lesson source (<c>notebooks/src/NAME.cells</c>), a plain text file of cells. A line <c>%% markdown</c> or
/// <c>%% csharp</c> starts a cell; <c>%% setup</c> stands for the first cell every notebook starts with;
/// <c>%% exercises SCENARIO</c> for one exercise cell per file the scenario asks for, holding the file's starter text;
/// <c>%% note NAME</c> for one of the <see cref="SharedCells.Notes"/>. The format is described in notebooks/README.md.
/// </summary>
public static class LessonSource
{
    /// <summary>The marker that starts a cell line.</summary>
    private const string Marker = "%% ";

    /// <summary>Reads <paramref name="path"/>; the scenarios are looked up in <paramref name="scenariosFolder"/>. Every problem is collected.</summary>
    public static (Lesson? Lesson, IReadOnlyList<SourceProblem> Problems) Read(string path, string scenariosFolder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(scenariosFolder);
        var problems = new List<SourceProblem>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new SourceProblem(path, 0, "cannot be read: " + e.Message)]);
        }

        var cells = new List<LessonCell>();
        string? scenarioId = null;
        LessonCellKind? kind = null;
        var text = new StringBuilder();

        void Flush()
        {
            if (kind is { } k)
            {
                cells.Add(new LessonCell(k, text.ToString().Trim('\n')));
            }

            kind = null;
            text.Clear();
        }

        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var lineNumber = index + 1;
            if (!line.StartsWith(Marker, StringComparison.Ordinal))
            {
                if (kind is null && line.Trim().Length > 0)
                {
                    problems.Add(new SourceProblem(path, lineNumber, "text outside a cell; start a cell with \"%% markdown\" or \"%% csharp\"."));
                }

                text.Append(line).Append('\n');
                continue;
            }

            Flush();
            switch (line[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                case ["markdown"]:
                    kind = LessonCellKind.Markdown;
                    break;
                case ["csharp"]:
                    kind = LessonCellKind.Code;
                    break;
                case ["setup"]:
                    cells.Add(new LessonCell(LessonCellKind.Setup, SharedCells.Setup));
                    break;
                case ["note", var note] when SharedCells.Notes.TryGetValue(note, out var noteText):
                    cells.Add(new LessonCell(LessonCellKind.Markdown, noteText, Note: note));
                    break;
                case ["exercises", var scenario]:
                    if (scenarioId is not null && scenarioId != scenario)
                    {
                        problems.Add(new SourceProblem(path, lineNumber, $"exercises of a second scenario \"{scenario}\"; a lesson grades one scenario (\"{scenarioId}\")."));
                        break;
                    }

                    scenarioId = scenario;
                    cells.AddRange(Exercises(path, lineNumber, Path.Combine(scenariosFolder, scenario), problems));
                    break;
                default:
                    problems.Add(new SourceProblem(path, lineNumber,
                        $"unknown cell marker \"{line}\"; the markers are %% markdown, %% csharp, %% setup, %% exercises SCENARIO and %% note NAME ({string.Join(", ", SharedCells.Notes.Keys)})."));
                    break;
            }
        }

        Flush();
        var name = Path.GetFileNameWithoutExtension(path);
        return problems.Count > 0 ? (null, problems) : (new Lesson(name, scenarioId, cells), problems);
    }

    /// <summary>One exercise cell per file of the scenario, in the order scenario.yaml lists them, holding the starter text.</summary>
    private static List<LessonCell> Exercises(string path, int line, string scenarioFolder, List<SourceProblem> problems)
    {
        if (!File.Exists(Path.Combine(scenarioFolder, "scenario.yaml")))
        {
            problems.Add(new SourceProblem(path, line, $"no scenario at {scenarioFolder}."));
            return [];
        }

        var loaded = ScenarioLoader.Load(scenarioFolder);
        if (!loaded.IsSuccess)
        {
            problems.Add(new SourceProblem(path, line, $"the scenario at {scenarioFolder} does not load: {string.Join("; ", loaded.Problems)}"));
            return [];
        }

        var cells = new List<LessonCell>();
        foreach (var file in loaded.Scenario!.Files)
        {
            var starter = Path.Combine(scenarioFolder, "starter", file.Name);
            if (!File.Exists(starter))
            {
                problems.Add(new SourceProblem(path, line, $"the scenario has no starter file {starter}."));
                continue;
            }

            var text = File.ReadAllText(starter).Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
            cells.Add(new LessonCell(LessonCellKind.Exercise, text, file.Name));
        }

        return cells;
    }
}
