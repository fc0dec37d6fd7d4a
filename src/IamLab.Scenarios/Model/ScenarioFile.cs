using IamLab.Policy.Validation;

namespace IamLab.Scenarios.Model;

/// <summary>
/// A file the learner writes: a policy, with the document kind the validator reads it as, or (when <see cref="Kind"/> is
/// null) a role-settings file of UpdateRole requests that the grader applies as <see cref="AppliedBy"/> before the checks.
/// </summary>
/// <param name="Name">The file's name.</param>
/// <param name="Kind">The policy kind; null for a role-settings file.</param>
/// <param name="KindName">The kind as scenario.yaml writes it.</param>
/// <param name="AppliedBy">For a role-settings file: the IAM user whose UpdateRole calls apply it (scenario.yaml's <c>as</c>).</param>
public sealed record ScenarioFile(string Name, DocumentKind? Kind, string KindName, string? AppliedBy = null)
{
    /// <summary>True for a policy file (validated, scanned and mutated as a policy).</summary>
    public bool IsPolicy => Kind is not null;

    /// <summary>What the file holds: a policy, a role-settings file, an attack or findings (the last two: break-it's YAML).</summary>
    public FileForm Form { get; init; } = FileForm.Policy;
}
