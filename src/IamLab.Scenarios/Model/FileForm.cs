namespace IamLab.Scenarios.Model;

/// <summary>What a learner's file holds, and so how the grader reads it.</summary>
public enum FileForm
{
    /// <summary>An IAM policy (JSON), validated as its <see cref="ScenarioFile.Kind"/>.</summary>
    Policy,

    /// <summary>A role-settings file: UpdateRole requests the grader applies before the checks (JSON).</summary>
    RoleSettings,

    /// <summary>An attack: a chain of calls from a challenge's foothold (YAML, docs/scenario-format.md "Attack files").</summary>
    Attack,

    /// <summary>A defender's findings about an incident in the event log (YAML).</summary>
    Findings,
}
