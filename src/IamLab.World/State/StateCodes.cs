namespace IamLab.World.State;

/// <summary>
/// The codes of the world store's and the state document's errors (the lab's own: AWS has no such errors;
/// docs/error-codes.md). They are written in AWS's style because they travel in <see cref="Errors.IamError"/>.
/// </summary>
public static class StateCodes
{
    /// <summary>The store or the state document cannot be read; it was left as it was.</summary>
    public const string Corrupt = "StateCorrupt";

    /// <summary>The store or the document was written by a newer lab.</summary>
    public const string TooNew = "StateTooNew";

    /// <summary>Another process has the store open.</summary>
    public const string InUse = "StateInUse";

    /// <summary>There is no state file at the path.</summary>
    public const string NotFound = "StateNotFound";
}
