namespace IamLab.Cli;

/// <summary>The exit statuses every iamlab command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every check or expectation held.</summary>
    public const int Success = 0;

    /// <summary>A check or an expectation failed (or a policy has an ERROR finding).</summary>
    public const int Failed = 1;

    /// <summary>The input or the arguments could not be read.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// A bug in the lab itself (an unexpected exception): neither the learner's files nor the arguments are at fault, so
    /// the status differs from both a failed check and bad input, and CI can tell "report this" from "fix your answer".
    /// </summary>
    public const int InternalError = 3;
}
