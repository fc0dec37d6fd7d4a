namespace IamLab.Scenarios.Grading;

/// <summary>The codes the grader itself reports besides the validator's and the scanner's (docs/error-codes.md).</summary>
public static class GradingCodes
{
    /// <summary>The lab's IAM refused to put a learner's file in the world (IAM's own refusal, quoted).</summary>
    public const string WorldRejected = "WORLD_REJECTED";

    /// <summary>A role-settings file is not an array of UpdateRole requests (its shape; the line and column of the problem).</summary>
    public const string RoleSettingsInvalid = "ROLE_SETTINGS_INVALID";

    /// <summary>The lab's IAM answered an UpdateRole request of a role-settings file with AWS's ValidationError (a MaxSessionDuration out of 3600..43200).</summary>
    public const string RoleSettingsValidationError = "ROLE_SETTINGS_VALIDATION_ERROR";

    /// <summary>The lab's IAM refused an UpdateRole request of a role-settings file otherwise (AccessDenied, NoSuchEntity, UnmodifiableEntity).</summary>
    public const string RoleSettingsRefused = "ROLE_SETTINGS_REFUSED";

    /// <summary>The grader failed with an unexpected exception: a bug in the lab, never the learner's fault.</summary>
    public const string InternalError = "GRADER_INTERNAL_ERROR";
}
