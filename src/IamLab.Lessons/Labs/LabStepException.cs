namespace IamLab.Lessons.Labs;

/// <summary>A step of a labs app that did not go as the lesson says (an expectation, or a command it cannot run); the lesson goes on.</summary>
public sealed class LabStepException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabStepException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public LabStepException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public LabStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
