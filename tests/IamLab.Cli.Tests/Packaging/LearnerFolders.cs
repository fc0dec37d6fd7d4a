using IamLab.Cli.Tests.Teaching;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// Learners' folders for the cross-account scenario, made from the lab's own files: a right answer (the reference
/// solution), a wrong one from the answers corpus with the check its <c>mistake.md</c> says catches it, and the README's
/// example (8/15).
/// </summary>
internal static class LearnerFolders
{
    public const string Scenario = "cross-account-external-id";

    /// <summary>The wrong answer used, from answers/wrong/.</summary>
    public const string WrongAnswer = "no-external-id";

    private static string ScenarioFolder => Path.Combine(LabPaths.Scenarios, Scenario);

    /// <summary>The check that must catch <see cref="WrongAnswer"/>, as its mistake.md names it ("Caught by: NAME").</summary>
    public static string CaughtBy() =>
        File.ReadAllLines(Path.Combine(ScenarioFolder, "answers", "wrong", WrongAnswer, "mistake.md"))
            .Single(l => l.StartsWith("Caught by: ", StringComparison.Ordinal))["Caught by: ".Length..].Trim();

    public static string Right(string parent, string name = "right") => CopyJson(Path.Combine(ScenarioFolder, "solution"), Path.Combine(parent, name));

    public static string Wrong(string parent, string name = "wrong") => CopyJson(Path.Combine(ScenarioFolder, "answers", "wrong", WrongAnswer), Path.Combine(parent, name));

    public static string Example(string parent, string name = "example") =>
        CopyJson(Path.Combine(LabPaths.Root, "examples", "submissions", Scenario), Path.Combine(parent, name));

    /// <summary>A scenarios/ beside the learner's files whose one check the learner passes: a tool that read it would give full marks.</summary>
    public static void EasyScenariosIn(string folder)
    {
        var easy = Path.Combine(folder, "scenarios", Scenario);
        Directory.CreateDirectory(easy);
        File.WriteAllText(Path.Combine(easy, "scenario.yaml"), $"id: {Scenario}\ntitle: Easy\nfiles: []\nworld: {{}}\nchecks: []\n");
    }

    private static string CopyJson(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.json"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        return to;
    }
}
