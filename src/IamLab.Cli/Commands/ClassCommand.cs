using System.CommandLine;
using IamLab.Cli.Grading;
using IamLab.Scenarios.Export;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab class export DIR</c>: a learner repository of the lab, without the answers.</summary>
internal static class ClassCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("folder") { Description = "A new or empty folder to write the learner repository in." };
        var ids = new Option<string?>("--scenarios") { Description = "The scenarios to export, as id,id,... (default: all of them)." };
        var from = new Option<string?>("--from")
        {
            Description = "The lab to export from (its root folder, holding scenarios/; default: the lab this tool was built from).",
        };
        var export = new Command("export",
            "Write a learner repository: the scenarios without solution/ and answers/, no hidden checks, the notebooks and labs/, "
            + "LEARNING.md, a README and a workflow that runs the visible checks. Prints what it left out.")
        {
            target, ids, from,
        };
        export.SetAction(parse => Export(parse.GetValue(target)!, parse.GetValue(ids), parse.GetValue(from), output, error));
        return new Command("class", "Material for a class: a learner repository of the lab.") { export };
    }

    private static int Export(string target, string? ids, string? from, TextWriter output, TextWriter error)
    {
        // The export copies the lab's sources, notebooks and docs besides the scenarios: only a repository of the lab has
        // them (a packed tool carries the learners' scenarios only).
        var labRoot = from ?? ShippedScenarios.Repository();
        if (labRoot is null)
        {
            error.WriteLine($"iamlab class export: {ExportCodes.NoLab}: this tool was not built from a lab repository that is still here "
                + "(a packed tool carries no sources, notebooks or answers); name the lab's repository with --from DIR.");
            return ExitCodes.UsageError;
        }

        // Refuse a bad target before reading the lab, so that the mistake is reported at once.
        if (ClassExport.CheckTarget(target) is { } refusal)
        {
            error.WriteLine($"iamlab class export: {refusal}");
            return ExitCodes.UsageError;
        }

        var chosen = ids?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var plan = ClassExport.Plan(labRoot, chosen);
        var problems = ClassExport.Write(plan, target);
        foreach (var problem in problems)
        {
            error.WriteLine($"iamlab class export: {problem}");
        }

        if (problems.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        output.WriteLine($"Exported {plan.ScenarioIds.Count} scenarios ({string.Join(", ", plan.ScenarioIds)}) to {target}: {plan.Files.Count} files.");
        output.WriteLine("Left out:");
        foreach (var item in plan.LeftOut)
        {
            output.WriteLine($"  {item.Path}: {item.Reason}");
        }

        output.WriteLine($"Learners write in {LearnerRepositoryTexts.WorkFolder}/<id>/; {LearnerRepositoryTexts.WorkflowPath} runs the visible checks on every push.");
        return ExitCodes.Success;
    }
}
