namespace IamLab.Scenarios.Grading;

/// <summary>The codes the grader itself reports besides the validator's and the scanner's (docs/error-codes.md).</summary>
public static class GradingCodes
{
    /// <summary>The lab's IAM refused to put a learner's file in the world (IAM's own refusal, quoted).</summary>
    public const string WorldRejected = "WORLD_REJECTED";

    /// <summary>The grader failed with an unexpected exception: a bug in the lab, never the learner's fault.</summary>
    public const string InternalError = "GRADER_INTERNAL_ERROR";
}
