using IamLab.Interactive.Views;
using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;
using IamLab.Scenarios.Submissions;
using IamLab.Scenarios.Attacks;
using IamLab.Scenarios.Model;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary><c>#!lab-policy FILE [--kind KIND]</c> and a JSON body: validates the policy and makes it the learner's version of FILE.</summary>
public sealed class PolicyCommand : LabCommand
{
    /// <summary>The directive.</summary>
    public static LabDirective Directive { get; } = new("#!lab-policy", "A policy cell: validate the JSON below and use it as a scenario file.",
        "Everything below the first line is a policy. Running the cell validates it (as iamlab validate does) and shows each finding under its line. "
        + "Without ERROR findings the text becomes the learner's version of FILE: the scenario's world is rebuilt with it and #!lab-grade grades it. "
        + "With an ERROR finding the cell fails and the previous version stays.",
        [
            new("--file", "The scenario file this cell writes, e.g. trust-policy.json (.json may be left out).", Implicit: true, Value: "FILE"),
            new("--kind", $"The validator kind ({string.Join(", ", DocumentKinds.Names)}); default: the kind the scenario declares for FILE.", Value: "KIND"),
        ]);

    /// <summary><c>--file</c>.</summary>
    public string? File { get; set; }

    /// <summary><c>--kind</c>.</summary>
    public string? Kind { get; set; }

    internal static async Task Run(PolicyCommand command, KernelInvocationContext context, LabNotebook notebook)
    {
        // The body belongs to this cell whatever happens: it is never run as C#.
        PolicyCellBody.Consume(command);
        var file = CommandArguments.Required(command.File, "FILE (--file)", Directive.Name);
        if (!Path.HasExtension(file))
        {
            file += ".json";
        }

        var scenario = notebook.Scenario;
        string kindName;
        if (!string.IsNullOrWhiteSpace(command.Kind))
        {
            kindName = command.Kind.Trim();
        }
        else if (scenario is null)
        {
            throw new LabCommandException(ErrorCodes.Usage, $"--kind is required when no scenario is started (one of {string.Join(", ", DocumentKinds.Names)}).");
        }
        else if (!scenario.FileKinds.TryGetValue(file, out kindName!))
        {
            throw new LabCommandException(ErrorCodes.UnknownFile, $"The scenario {scenario.Id} has no file \"{file}\"; its files are: {string.Join(", ", scenario.FileKinds.Keys)}.");
        }

        if (scenario?.Scenario.Files.FirstOrDefault(f => f.Name == file) is { Form: FileForm.Attack or FileForm.Findings } learnerYaml && string.IsNullOrWhiteSpace(command.Kind))
        {
            await KeepLearnerYaml(learnerYaml, PolicyCellBody.Read(command), context, notebook, scenario).ConfigureAwait(false);
            return;
        }

        var roleSettings = kindName == RoleSettingsFile.KindName;
        var kind = default(DocumentKind);
        if (!roleSettings && !DocumentKinds.TryParse(kindName, out kind))
        {
            throw new LabCommandException(ErrorCodes.Usage, $"--kind \"{kindName}\" is not a policy kind; use one of {string.Join(", ", DocumentKinds.Names)}.");
        }

        var body = PolicyCellBody.Read(command);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new LabCommandException(ErrorCodes.PolicyEmpty, $"The cell has no policy below \"{Directive.Name} {file}\"; write the policy's JSON on the next lines.");
        }

        // A role-settings cell holds UpdateRole requests, not a policy: its reader finds the problems of its shape.
        var findings = roleSettings ? RoleSettingsFile.Read(body).Diagnostics : PolicyValidator.Validate(body, kind).Diagnostics;
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            context.Display(new PolicyCellView(file, kindName, body, findings) { Outcome = $"not kept: {file} keeps its previous version" });
            throw new LabCommandException(ErrorCodes.PolicyInvalid,
                $"{file} has {errors.Count} ERROR finding{(errors.Count == 1 ? string.Empty : "s")}; the first: {errors[0]}");
        }

        var outcome = $"kept as {file}";
        if (scenario is not null)
        {
            // Build first: when the lab's IAM refuses the text, the previous version stays.
            var cells = new Dictionary<string, string>(notebook.Policies, StringComparer.Ordinal) { [file] = body };
            notebook.SetWorld(scenario.BuildWorld(cells), scenario);
            outcome += $"; the {scenario.Id} world now uses it";
        }

        notebook.Policies[file] = body;

        context.Display(new PolicyCellView(file, kindName, body, findings) { Outcome = outcome });
        if (scenario is not null && await EndpointCommand.RestartIfRunningAsync(notebook, context.CancellationToken).ConfigureAwait(false) is { } endpoint)
        {
            context.Display(endpoint);
        }
    }

    // An attack or findings file (break-it): YAML read as the grader reads it; its problems, with their lines, fail the cell.
    private static async Task KeepLearnerYaml(ScenarioFile file, string body, KernelInvocationContext context, LabNotebook notebook, ScenarioHandle scenario)
    {
        var problems = file.Form == FileForm.Attack
            ? AttackReader.Read(body, file.Name, scenario.Scenario.Challenges.First(c => c.File == file.Name)).Problems
            : FindingsReader.Read(body, file.Name).Problems;
        if (problems.Count > 0)
        {
            throw new LabCommandException(ErrorCodes.PolicyInvalid,
                $"{file.Name} is not kept ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}; it keeps its previous version): {string.Join(" ", problems.Select(p => p.ToString()))}");
        }

        var cells = new Dictionary<string, string>(notebook.Policies, StringComparer.Ordinal) { [file.Name] = body };
        notebook.SetWorld(scenario.BuildWorld(cells), scenario);
        notebook.Policies[file.Name] = body;
        KernelInvocationContextExtensions.Display(context, $"{file.Name}: kept; #!lab-grade grades it.", "text/plain");
        if (await EndpointCommand.RestartIfRunningAsync(notebook, context.CancellationToken).ConfigureAwait(false) is { } endpoint)
        {
            context.Display(endpoint);
        }
    }
}
