namespace IamLab.Lessons.Commands;

/// <summary>
/// A command that cannot run as asked: a stable code (USAGE, NO_SCENARIO, ...; see docs/notebook-commands.md) and a
/// message for the learner. A notebook cell fails with "#!lab-NAME: CODE: message", a labs app's step is marked
/// "✗ CODE: message"; never a stack trace.
/// </summary>
public sealed class LabCommandException : Exception
{
    /// <summary>Makes the exception.</summary>
    public LabCommandException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Makes the exception (for serializers and analyzers; prefer the coded constructor).</summary>
    public LabCommandException()
        : this(ErrorCodes.Usage, "The command could not run.")
    {
    }

    /// <summary>Makes the exception (for serializers and analyzers; prefer the coded constructor).</summary>
    public LabCommandException(string message)
        : this(ErrorCodes.Usage, message)
    {
    }

    /// <summary>Makes the exception (for serializers and analyzers; prefer the coded constructor).</summary>
    public LabCommandException(string message, Exception innerException)
        : base(message, innerException) => Code = ErrorCodes.Usage;

    /// <summary>The stable code.</summary>
    public string Code { get; }
}
