namespace IamLab.Lessons.Commands;

/// <summary>The stable codes of failed <c>#!lab-*</c> commands, in the notebooks and the labs apps (documented in docs/notebook-commands.md).</summary>
public static class ErrorCodes
{
    /// <summary>A required parameter is missing, a value has the wrong form, or two parameters exclude each other.</summary>
    public const string Usage = "USAGE";

    /// <summary>The command needs a scenario (or a world) and none is started.</summary>
    public const string NoScenario = "NO_SCENARIO";

    /// <summary>No scenario with that id.</summary>
    public const string UnknownScenario = "UNKNOWN_SCENARIO";

    /// <summary>The scenario's files could not be read.</summary>
    public const string ScenarioInvalid = "SCENARIO_INVALID";

    /// <summary>A policy cell names a file the scenario does not ask for.</summary>
    public const string UnknownFile = "UNKNOWN_FILE";

    /// <summary>A policy cell has no JSON below its first line.</summary>
    public const string PolicyEmpty = "POLICY_EMPTY";

    /// <summary>The policy has ERROR findings.</summary>
    public const string PolicyInvalid = "POLICY_INVALID";

    /// <summary>No such user, role or account in the world.</summary>
    public const string UnknownPrincipal = "UNKNOWN_PRINCIPAL";

    /// <summary>No session by that name or access key id.</summary>
    public const string UnknownSession = "UNKNOWN_SESSION";

    /// <summary>The outcome differs from <c>--expect</c>.</summary>
    public const string ExpectationFailed = "EXPECTATION_FAILED";

    /// <summary>A part of the lab this command needs is not in this build or this host.</summary>
    public const string NotAvailable = "NOT_AVAILABLE";
}
