namespace IamLab.Endpoint.Protocol;

/// <summary>The catalogue of AWS Query protocol errors (STS, IAM, EC2), with AWS's codes and statuses.</summary>
public static class QueryErrors
{
    /// <summary>The version string AWS quotes when the request names none.</summary>
    public const string NoVersionSpecified = "NO_VERSION_SPECIFIED";

    /// <summary>The request has no <c>Action</c> parameter.</summary>
    /// <returns>The error.</returns>
    public static AwsError MissingAction() => new("MissingAction", "Missing Action", 400);

    /// <summary>The service has no such action in the requested version.</summary>
    /// <param name="action">The action as sent.</param>
    /// <param name="version">The version as sent, or null.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidAction(string action, string? version) =>
        new("InvalidAction", $"Could not find operation {action} for version {version ?? NoVersionSpecified}", 400);

    /// <summary>A required parameter is absent.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The error.</returns>
    public static AwsError MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}", 400);

    /// <summary>The form or query string cannot be decoded.</summary>
    /// <param name="message">What is wrong, quoting the offending text.</param>
    /// <returns>The error.</returns>
    public static AwsError MalformedQueryString(string message) => new("MalformedQueryString", message, 400);

    /// <summary>The body is larger than the endpoint accepts.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <returns>The error.</returns>
    public static AwsError RequestEntityTooLarge(int limit) =>
        new("RequestEntityTooLarge", $"Request body exceeds the limit of {limit} bytes.", 413);
}
