namespace IamLab.World.Errors;

/// <summary>
/// An expected failure of a lab operation, as AWS reports it: the error code (<c>NoSuchEntity</c>,
/// <c>AccessDenied</c>, ...), AWS's message, and the HTTP status the wire protocol returns.
/// </summary>
public sealed record IamError(string Code, string Message, int HttpStatus)
{
    /// <summary>
    /// For an AccessDenied that an authorization decided, the check that refused: its decision, deciding statements and
    /// (when the operation was asked for it) its trace. Null for every other error.
    /// </summary>
    public Authorization.AccessCheck? Check { get; init; }

    /// <summary>The error type of AWS's <c>ErrorResponse</c>: <c>Sender</c> for 4xx, <c>Receiver</c> otherwise.</summary>
    public string Type => HttpStatus is >= 400 and < 500 ? "Sender" : "Receiver";

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
