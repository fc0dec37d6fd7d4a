namespace IamLab.Scenarios.Export;

/// <summary>The codes of <see cref="ExportProblem"/>: part of the product, asserted by the tests.</summary>
public static class ExportCodes
{
    /// <summary>The folder to export from holds no lab scenarios.</summary>
    public const string NoLab = "EXPORT_NO_LAB";

    /// <summary>A scenario named with <c>--scenarios</c> does not exist in the lab.</summary>
    public const string UnknownScenario = "EXPORT_UNKNOWN_SCENARIO";

    /// <summary>A scenario of the lab does not load (the export would hand learners a broken exercise).</summary>
    public const string ScenarioBroken = "EXPORT_SCENARIO_BROKEN";

    /// <summary>The target exists and is not an empty folder.</summary>
    public const string TargetNotEmpty = "EXPORT_TARGET_NOT_EMPTY";

    /// <summary>The target, or a folder on the way to it that the export would write through, is a symbolic link.</summary>
    public const string TargetIsLink = "EXPORT_TARGET_LINK";

    /// <summary>A file could not be written.</summary>
    public const string WriteFailed = "EXPORT_WRITE_FAILED";
}
