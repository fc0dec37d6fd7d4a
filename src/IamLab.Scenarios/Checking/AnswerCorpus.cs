using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Checking;

/// <summary>
/// Checks a scenario's answers corpus: every <c>answers/wrong/NAME/</c> (one mistake, named in mistake.md) loses points
/// on the visible checks and fails the check its mistake.md names; every <c>answers/right/NAME/</c> (with why-right.md)
/// scores full marks on the visible and the example hidden checks; and there are enough of each.
/// </summary>
public static class AnswerCorpus
{
    /// <summary>The fewest wrong answers a scenario may have.</summary>
    public const int MinimumWrong = 4;

    /// <summary>The fewest right answers a scenario may have.</summary>
    public const int MinimumRight = 2;

    /// <summary>
    /// Grades the corpus of <paramref name="scenario"/>: wrong answers with <paramref name="visible"/>, right ones with
    /// <paramref name="withHidden"/>. Returns the problems and the number of wrong and right answers.
    /// </summary>
    public static (List<string> Problems, int Wrong, int Right) Check(Scenario scenario, Grader visible, Grader withHidden)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(withHidden);
        var problems = new List<string>();
        var wrong = Answers(scenario, "wrong");
        var right = Answers(scenario, "right");
        foreach (var folder in wrong)
        {
            problems.AddRange(Wrong(scenario, visible, folder));
        }

        foreach (var folder in right)
        {
            problems.AddRange(Right(scenario, withHidden, folder));
        }

        if (wrong.Count < MinimumWrong)
        {
            problems.Add($"answers/wrong/ holds {wrong.Count} answer(s); a scenario needs at least {MinimumWrong}.");
        }

        if (right.Count < MinimumRight)
        {
            problems.Add($"answers/right/ holds {right.Count} answer(s); a scenario needs at least {MinimumRight}.");
        }

        return (problems, wrong.Count, right.Count);
    }

    private static List<string> Answers(Scenario scenario, string kind)
    {
        var folder = Path.Combine(scenario.Directory, "answers", kind);
        return Directory.Exists(folder) ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToList() : [];
    }

    private static IEnumerable<string> Wrong(Scenario scenario, Grader visible, string folder)
    {
        var name = $"answers/wrong/{Path.GetFileName(folder)}";
        foreach (var problem in Files(scenario, folder, name, "mistake.md"))
        {
            yield return problem;
        }

        var notePath = Path.Combine(folder, "mistake.md");
        if (!File.Exists(notePath))
        {
            yield break;
        }

        if (MistakeNote.Parse(File.ReadAllText(notePath), out var noteProblem) is not { } note)
        {
            yield return $"{name}: {noteProblem}";
            yield break;
        }

        if (!scenario.Checks.Any(c => c.Name == note.CaughtBy))
        {
            yield return $"{name}: mistake.md names \"{note.CaughtBy}\", which is not a visible check of the scenario.";
            yield break;
        }

        var outcome = visible.Grade(folder);
        if (outcome.Report is not { } report)
        {
            yield return $"{name} cannot be read: {string.Join("; ", outcome.Problems)}";
            yield break;
        }

        if (report.Score == report.MaxScore && report.Errors.Count == 0)
        {
            yield return $"{name} scores full marks ({report.Score}/{report.MaxScore}) on the visible checks, though it is wrong: {note.Mistake}";
        }

        var caught = report.Checks.Single(c => c.Name == note.CaughtBy);
        if (caught.Status != CheckStatus.Fail)
        {
            yield return $"{name}: its check {note.CaughtBy} is {caught.StatusName}, not fail.";
        }
    }

    private static IEnumerable<string> Right(Scenario scenario, Grader withHidden, string folder)
    {
        var name = $"answers/right/{Path.GetFileName(folder)}";
        foreach (var problem in Files(scenario, folder, name, "why-right.md"))
        {
            yield return problem;
        }

        var why = Path.Combine(folder, "why-right.md");
        if (File.Exists(why) && File.ReadAllText(why).Trim().Split('\n').Length is < 1 or > 2)
        {
            yield return $"{name}: why-right.md must be one or two lines.";
        }

        var outcome = withHidden.Grade(folder);
        if (outcome.Report is not { } report)
        {
            yield return $"{name} cannot be read: {string.Join("; ", outcome.Problems)}";
            yield break;
        }

        foreach (var error in report.Errors)
        {
            yield return $"{name} has an ERROR: {error}";
        }

        foreach (var check in report.Checks.Where(c => c.Status != CheckStatus.Pass))
        {
            yield return $"{name} is right but {(check.Hidden ? "hidden " : "")}check {check.Name} is {check.StatusName}: {check.Message}";
        }
    }

    // The folder holds exactly the scenario's files and its note.
    private static IEnumerable<string> Files(Scenario scenario, string folder, string name, string note)
    {
        var present = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var expected = scenario.Files.Select(f => f.Name).Append(note).ToHashSet(StringComparer.Ordinal);
        if (!present.SetEquals(expected))
        {
            yield return $"{name} holds [{string.Join(", ", present.Order(StringComparer.Ordinal))}] but must hold [{string.Join(", ", expected.Order(StringComparer.Ordinal))}].";
        }
    }
}
