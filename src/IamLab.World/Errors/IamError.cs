namespace IamLab.World.Errors;

/// <summary>
/// An expected failure of a lab operation, as AWS reports it: the error code (<c>NoSuchEntity</c>,
/// <c>AccessDenied</c>, ...), AWS's message, and the HTTP status the wire protocol returns.
/// </summary>
public sealed record IamError(string Code, string Message, int HttpStatus)
{
    /// <summary>The error type of AWS's <c>ErrorResponse</c>: <c>Sender</c> for 4xx, <c>Receiver</c> otherwise.</summary>
    public string Type => HttpStatus is >= 400 and < 500 ? "Sender" : "Receiver";

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
