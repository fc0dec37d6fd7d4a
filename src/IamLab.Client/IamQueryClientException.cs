namespace IamLab.Client;

/// <summary>An error answer from the IAM Query API: AWS's code, message, type, HTTP status and request id.</summary>
public sealed class IamQueryClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">AWS's error code, e.g. <c>NoSuchEntity</c>.</param>
    /// <param name="message">AWS's message.</param>
    /// <param name="type"><c>Sender</c> or <c>Receiver</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="requestId">The request id.</param>
    public IamQueryClientException(string code, string message, string type, int statusCode, string requestId)
        : base(message)
    {
        ErrorCode = code;
        ErrorType = type;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public IamQueryClientException()
        : this("Unknown", "The IAM call failed.", "Receiver", 0, string.Empty)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public IamQueryClientException(string message)
        : this("Unknown", message, "Receiver", 0, string.Empty)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IamQueryClientException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "Unknown";
        ErrorType = "Receiver";
        RequestId = string.Empty;
    }

    /// <summary>AWS's error code.</summary>
    public string ErrorCode { get; }

    /// <summary><c>Sender</c> (the caller's fault) or <c>Receiver</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The request id.</summary>
    public string RequestId { get; }
}
