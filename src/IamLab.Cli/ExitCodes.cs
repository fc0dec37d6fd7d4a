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
}
