namespace IamLab.Scenarios.Loading;

/// <summary>
/// The codes of the problems the scenario loader, the hidden-check loader and the scenario worlds report (the lab's own;
/// docs/error-codes.md has each with its message). Compare codes, never messages.
/// </summary>
public static class ScenarioCodes
{
    /// <summary>There is no scenario.yaml in the folder.</summary>
    public const string NotFound = "SCENARIO_NOT_FOUND";

    /// <summary>The file is empty.</summary>
    public const string Empty = "SCENARIO_EMPTY";

    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "SCENARIO_YAML_SYNTAX";

    /// <summary>The file holds more than one YAML document (separated by <c>---</c>); only one would be read.</summary>
    public const string ExtraDocument = "SCENARIO_EXTRA_DOCUMENT";

    /// <summary>A node has the wrong shape (a list where a mapping belongs, text that is not a number, ...).</summary>
    public const string WrongType = "SCENARIO_WRONG_TYPE";

    /// <summary>A field the format does not have (with "did you mean").</summary>
    public const string UnknownField = "SCENARIO_UNKNOWN_FIELD";

    /// <summary>A field given twice in one mapping.</summary>
    public const string DuplicateField = "SCENARIO_DUPLICATE_FIELD";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "SCENARIO_MISSING_FIELD";

    /// <summary>A field has a value outside what it accepts.</summary>
    public const string InvalidValue = "SCENARIO_INVALID_VALUE";

    /// <summary>The scenario's id differs from its folder's name.</summary>
    public const string IdMismatch = "SCENARIO_ID_MISMATCH";

    /// <summary>Two checks (or a hidden check and a scenario check) have the same name.</summary>
    public const string DuplicateCheck = "SCENARIO_DUPLICATE_CHECK";

    /// <summary>A file is listed twice.</summary>
    public const string DuplicateFile = "SCENARIO_DUPLICATE_FILE";

    /// <summary>An equivalent mutant is declared twice.</summary>
    public const string DuplicateMutant = "SCENARIO_DUPLICATE_MUTANT";

    /// <summary>A check has not exactly one of request, steps, noFindings, attack or findings, or steps without a step.</summary>
    public const string CheckForm = "SCENARIO_CHECK_FORM";

    /// <summary>A step has not exactly one action, or its first step has no caller.</summary>
    public const string StepForm = "SCENARIO_STEP_FORM";

    /// <summary>A policy reference names a file the scenario does not have.</summary>
    public const string UnknownFile = "SCENARIO_UNKNOWN_FILE";

    /// <summary>A policy reference has not exactly one of file, document or managed.</summary>
    public const string PolicyReference = "SCENARIO_POLICY_REFERENCE";

    /// <summary>"requires" names a check the scenario does not have.</summary>
    public const string UnknownCheck = "SCENARIO_UNKNOWN_CHECK";

    /// <summary>Checks that require each other in a circle.</summary>
    public const string RequiresCycle = "SCENARIO_REQUIRES_CYCLE";

    /// <summary>The hidden-check folder does not exist.</summary>
    public const string HiddenNotFound = "HIDDEN_NOT_FOUND";

    /// <summary>A hidden-check file is for another scenario.</summary>
    public const string HiddenWrongScenario = "HIDDEN_WRONG_SCENARIO";

    /// <summary>No scenario has the id asked for (serving a scenario's world).</summary>
    public const string Unknown = "SCENARIO_UNKNOWN";

    /// <summary>The scenario's own world cannot be built (its files, not the learner's, are at fault).</summary>
    public const string WorldInvalid = "SCENARIO_WORLD_INVALID";
}
