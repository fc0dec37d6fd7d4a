using IamLab.Interactive.Views;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-grade</c>: grade the notebook's policy cells with the same grader as <c>iamlab grade</c>.</summary>
public sealed class GradeCommand : LabCommand
{
    /// <summary>The folder name the notebook's files are reported under.</summary>
    public const string SubmissionFolder = "notebook";

    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-grade", "Grade the policy cells with the same grader as iamlab grade.",
        "Grades the files written by the #!lab-policy cells (the others keep their starter text): validation, every check, the security findings and the score. "
        + "Hidden checks show their name and hint only.",
        [
            new("--hidden", "A folder of hidden checks, as iamlab grade --hidden takes.", Value: "DIR"),
            new("--expect-score", "Fail the cell when the score is below N.", Value: "N"),
        ]);

    /// <summary><c>--hidden</c>.</summary>
    public string? Hidden { get; set; }

    /// <summary><c>--expect-score</c>.</summary>
    public string? ExpectScore { get; set; }

    internal static Task Run(GradeCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        var expected = CommandArguments.WholeNumber(command.ExpectScore, "--expect-score", "a whole number");

        var scenario = notebook.Scenario
            ?? throw new LabCommandException(ErrorCodes.NoScenario, "Grading needs a scenario: run #!lab-scenario ID first.");
        IReadOnlyList<CheckSpec> hidden = [];
        if (!string.IsNullOrWhiteSpace(command.Hidden))
        {
            var folder = Path.GetFullPath(command.Hidden.Trim());
            if (!Directory.Exists(folder))
            {
                throw new LabCommandException(ErrorCodes.Usage, $"--hidden: the folder {folder} does not exist.");
            }

            var (checks, problems) = HiddenCheckLoader.Load(folder, scenario.Scenario);
            if (problems.Count > 0)
            {
                throw new LabCommandException(ErrorCodes.ScenarioInvalid, string.Join("; ", problems.Select(p => p.ToString())));
            }

            hidden = checks;
        }

        using var grader = new Grader(scenario.Scenario, hidden);
        var report = grader.Grade(new Submission(SubmissionFolder, scenario.Submission(notebook.Policies)));
        notebook.LastGrade = report;
        context.Display(new GradeView(report));
        if (expected is { } minimum && report.Score < minimum)
        {
            throw new LabCommandException(ErrorCodes.ExpectationFailed, $"expected a score of at least {minimum}, but it is {report.Score} of {report.MaxScore}.");
        }

        return Task.CompletedTask;
    }
}
