namespace IamLab.World.State;

/// <summary>
/// A change could not be made durable in the world store (the disk is full, the file cannot be written). The change
/// is still in memory and is written with the next batch that succeeds; the request that made it must not be
/// acknowledged as saved (the endpoint answers <c>ServiceUnavailable</c>).
/// </summary>
public sealed class StoreUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the I/O error behind it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The error.</param>
    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
