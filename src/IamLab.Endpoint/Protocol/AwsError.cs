namespace IamLab.Endpoint.Protocol;

/// <summary>
/// An error as AWS puts it on the wire: a stable code, a human message, the HTTP status
/// and, for S3, extra elements such as <c>StringToSign</c> that help explain the failure.
/// </summary>
/// <param name="Code">AWS's error code, e.g. <c>SignatureDoesNotMatch</c>.</param>
/// <param name="Message">AWS's message text for the code, quoting the offending input where AWS does.</param>
/// <param name="StatusCode">The HTTP status code AWS answers with.</param>
public sealed record AwsError(string Code, string Message, int StatusCode)
{
    /// <summary>
    /// <c>Sender</c> when the caller is at fault (4xx), <c>Receiver</c> when the service is (5xx);
    /// the Query protocol's <c>&lt;Type&gt;</c> element.
    /// </summary>
    public string Type => StatusCode >= 500 ? "Receiver" : "Sender";

    /// <summary>
    /// Extra name/value elements written after the message in S3 error documents
    /// (for example <c>AWSAccessKeyId</c>, <c>StringToSign</c>, <c>CanonicalRequest</c>). Empty by default.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
}
