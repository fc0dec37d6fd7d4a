using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Hosting;

/// <summary>The wire format of a service's error documents: the Query protocol's (with the API's namespace), EC2's, or S3's.</summary>
public sealed class AwsErrorFormat
{
    private readonly Func<AwsError, string?, string, string> _write;

    private AwsErrorFormat(string name, Func<AwsError, string?, string, string> write, string contentType = "text/xml")
    {
        Name = name;
        _write = write;
        ContentType = contentType;
    }

    /// <summary>
    /// The JSON 1.1 protocol's error document (CloudTrail): <c>{"__type":"Code","message":"..."}</c> with the content type
    /// <c>application/x-amz-json-1.1</c>, which the AWS SDKs read the code from.
    /// </summary>
    public static AwsErrorFormat Json11 { get; } = new("json", (error, _, _) => JsonError(error), "application/x-amz-json-1.1");

    /// <summary>The content type of the error documents.</summary>
    public string ContentType { get; }

    /// <summary>EC2's <c>&lt;Response&gt;&lt;Errors&gt;…</c> document.</summary>
    public static AwsErrorFormat Ec2 { get; } = new("ec2", (error, _, requestId) => AwsXml.Ec2Error(error, requestId));

    /// <summary>S3's <c>&lt;Error&gt;</c> document with <c>Resource</c> and the error's details.</summary>
    public static AwsErrorFormat S3 { get; } = new("s3", (error, resource, requestId) => AwsXml.S3Error(error, resource, requestId));

    /// <summary>A short name for logs: <c>query</c>, <c>ec2</c>, <c>s3</c> or <c>json</c>.</summary>
    public string Name { get; }

    /// <summary>True for S3's dialect (S3 words several authentication errors differently).</summary>
    public bool IsS3 => ReferenceEquals(this, S3);

    /// <summary>The Query protocol's <c>ErrorResponse</c> document in the API's namespace (STS, IAM).</summary>
    /// <param name="xmlNamespace">The API's namespace, e.g. <see cref="AwsXmlNamespaces.Sts"/>.</param>
    /// <returns>The format.</returns>
    public static AwsErrorFormat Query(string xmlNamespace) =>
        new("query", (error, _, requestId) => AwsXml.QueryError(error, xmlNamespace, requestId));

    /// <summary>Writes the error document.</summary>
    /// <param name="error">The error.</param>
    /// <param name="resource">For S3, the bucket or object path; ignored by the other formats.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The XML document.</returns>
    public string Write(AwsError error, string? resource, string requestId) => _write(error, resource, requestId);

    private static string JsonError(AwsError error) =>
        new System.Text.Json.Nodes.JsonObject { ["__type"] = error.Code, ["message"] = error.Message }.ToJsonString();
}
