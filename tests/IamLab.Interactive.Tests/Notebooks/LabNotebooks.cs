using System.Text.RegularExpressions;
using IamLab.Notebooks;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>
/// The lab's notebooks as the tests use them: read from notebooks/, with the reference solutions put into the
/// exercise cells (cells whose metadata says <c>"iamlab": {"exercise": FILE}</c>) and the grading cells asked to
/// insist on full marks.
/// </summary>
internal static partial class LabNotebooks
{
    /// <summary>Every notebook file name in notebooks/, in order.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.EnumerateFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>
    /// The scenario a notebook teaches: its name without the "NN-" (or "NNa-") prefix, or null for a notebook that
    /// teaches no scenario (00-start-here, 16-in-the-real-world: no scenarios/ID/scenario.yaml).
    /// </summary>
    public static string? ScenarioOf(string notebookName)
    {
        var stem = Path.GetFileNameWithoutExtension(notebookName);
        var id = NumberPrefix().Replace(stem, string.Empty);
        return File.Exists(Path.Combine(RepositoryPaths.Scenarios, id, "scenario.yaml")) ? id : null;
    }

    public static InteractiveDocument Read(string notebookName)
    {
        var path = Path.Combine(RepositoryPaths.Notebooks, notebookName);
        Assert.True(NotebookFile.TryRead(path, out var document, out var problem), problem);
        return document;
    }

    /// <summary>The exercise file a cell is for, from its metadata; null for other cells.</summary>
    public static string? ExerciseFile(InteractiveDocumentElement cell) =>
        cell.Metadata is { } metadata && metadata.TryGetValue("iamlab", out var lab) && lab is IDictionary<string, object> labData
        && labData.TryGetValue("exercise", out var file) ? file as string : null;

    /// <summary>The notebook with each exercise cell's body replaced by the scenario's solution file.</summary>
    public static InteractiveDocument WithSolutions(string notebookName)
    {
        var document = Read(notebookName);
        var scenario = ScenarioOf(notebookName);
        foreach (var cell in document.Elements)
        {
            if (ExerciseFile(cell) is not { } file)
            {
                continue;
            }

            Assert.NotNull(scenario);
            var firstLine = cell.Contents.Split('\n', 2)[0];
            var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, scenario, "solution", file));
            cell.Contents = firstLine + "\n" + solution.Trim();
        }

        // Grading cells insist on full marks for the scenario started last before them (a cell that already asks for a
        // score keeps its own: 15-break-it's grade is the one cell whose expectation depends on the learner's files).
        string? started = null;
        foreach (var cell in document.Elements)
        {
            var text = cell.Contents.TrimStart();
            if (text.StartsWith("#!lab-scenario ", StringComparison.Ordinal))
            {
                started = text["#!lab-scenario ".Length..].Split([' ', '\n'], 2)[0].Trim();
            }
            else if (text.StartsWith("#!lab-grade", StringComparison.Ordinal) && started is not null && !text.Contains("--expect-score", StringComparison.Ordinal))
            {
                cell.Contents = cell.Contents.TrimEnd() + $" --expect-score {MaxScore(started)}";
            }
        }

        return document;
    }

    /// <summary>The sum of the weights of a scenario's checks (a check without a weight counts 1).</summary>
    public static int MaxScore(string scenario)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, scenario, "scenario.yaml"));
        var checks = yaml[(yaml.IndexOf("\nchecks:", StringComparison.Ordinal) + 1)..];
        var total = 0;
        foreach (Match check in CheckEntry().Matches(checks))
        {
            var weight = CheckWeight().Match(check.Value);
            total += weight.Success ? int.Parse(weight.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        }

        return total;
    }

    [GeneratedRegex(@"^\d+[a-z]?-")]
    private static partial Regex NumberPrefix();

    // One check: from "  - name:" up to the next one (or the end).
    [GeneratedRegex(@"^  - name:.*?(?=^  - name:|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CheckEntry();

    [GeneratedRegex(@"^    weight:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex CheckWeight();
}
