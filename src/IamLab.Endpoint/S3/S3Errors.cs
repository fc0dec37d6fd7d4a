using System.Globalization;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.S3;

/// <summary>
/// The catalogue of S3 errors the lab answers with: AWS's codes, HTTP statuses and message texts (from the
/// "Error responses" list of the Amazon S3 API reference), with the extra elements S3 adds (<c>BucketName</c>, <c>Key</c>, ...).
/// </summary>
public static class S3Errors
{
    /// <summary>The bucket does not exist.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <returns>The error.</returns>
    public static AwsError NoSuchBucket(string bucket) =>
        new AwsError("NoSuchBucket", "The specified bucket does not exist", 404) { Details = [KeyValuePair.Create("BucketName", bucket)] };

    /// <summary>The object does not exist (and the caller may list the bucket).</summary>
    /// <param name="key">The object key.</param>
    /// <returns>The error.</returns>
    public static AwsError NoSuchKey(string key) =>
        new AwsError("NoSuchKey", "The specified key does not exist.", 404) { Details = [KeyValuePair.Create("Key", key)] };

    /// <summary>The bucket has no policy.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <returns>The error.</returns>
    public static AwsError NoSuchBucketPolicy(string bucket) =>
        new AwsError("NoSuchBucketPolicy", "The bucket policy does not exist", 404) { Details = [KeyValuePair.Create("BucketName", bucket)] };

    /// <summary>CreateBucket for a bucket the caller's account already owns (outside us-east-1).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <returns>The error.</returns>
    public static AwsError BucketAlreadyOwnedByYou(string bucket) =>
        new AwsError("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409)
        {
            Details = [KeyValuePair.Create("BucketName", bucket)],
        };

    /// <summary>CreateBucket for a name another account owns.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <returns>The error.</returns>
    public static AwsError BucketAlreadyExists(string bucket) =>
        new AwsError(
            "BucketAlreadyExists",
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
            409)
        {
            Details = [KeyValuePair.Create("BucketName", bucket)],
        };

    /// <summary>The bucket name breaks S3's naming rules.</summary>
    /// <param name="bucket">The bucket name as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidBucketName(string bucket) =>
        new AwsError("InvalidBucketName", "The specified bucket is not valid.", 400) { Details = [KeyValuePair.Create("BucketName", bucket)] };

    /// <summary>The key is longer than 1,024 bytes of UTF-8.</summary>
    /// <param name="size">The key's length in bytes.</param>
    /// <returns>The error.</returns>
    public static AwsError KeyTooLong(int size) =>
        new AwsError("KeyTooLongError", "Your key is too long", 400)
        {
            Details =
            [
                KeyValuePair.Create("Size", size.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("MaxSizeAllowed", S3Names.MaxKeyBytes.ToString(CultureInfo.InvariantCulture)),
            ],
        };

    /// <summary>The upload is larger than the endpoint accepts.</summary>
    /// <param name="proposedSize">The size the client announced.</param>
    /// <param name="maxSize">The largest size allowed.</param>
    /// <returns>The error.</returns>
    public static AwsError EntityTooLarge(long proposedSize, long maxSize) =>
        new AwsError("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400)
        {
            Details =
            [
                KeyValuePair.Create("ProposedSize", proposedSize.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("MaxSizeAllowed", maxSize.ToString(CultureInfo.InvariantCulture)),
            ],
        };

    /// <summary>An XML body that is not well-formed or not of the expected shape.</summary>
    /// <returns>The error.</returns>
    public static AwsError MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);

    /// <summary>A bucket policy S3 refuses.</summary>
    /// <param name="message">What is wrong.</param>
    /// <returns>The error.</returns>
    public static AwsError MalformedPolicy(string message) => new("MalformedPolicy", message, 400);

    /// <summary>A bucket policy that is not JSON (S3's text).</summary>
    /// <returns>The error.</returns>
    public static AwsError PolicyNotJson() => MalformedPolicy("Policies must be valid JSON and the first byte must be '{'");

    /// <summary>The method does not apply to the resource (e.g. POST to an object).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="resourceType">BUCKET, OBJECT or SERVICE.</param>
    /// <returns>The error.</returns>
    public static AwsError MethodNotAllowed(string method, string resourceType) =>
        new AwsError("MethodNotAllowed", "The specified method is not allowed against this resource.", 405)
        {
            Details = [KeyValuePair.Create("Method", method), KeyValuePair.Create("ResourceType", resourceType)],
        };

    /// <summary>An S3 feature the lab does not model (ACLs, versioning, multipart, ...).</summary>
    /// <param name="what">The header or subresource that asked for it.</param>
    /// <returns>The error.</returns>
    public static AwsError NotImplemented(string what) =>
        new AwsError("NotImplemented", "A header you provided implies functionality that is not implemented", 501)
        {
            Details = [KeyValuePair.Create("Header", what)],
        };

    /// <summary>A parameter or header with a value S3 does not accept.</summary>
    /// <param name="message">AWS's message.</param>
    /// <param name="name">The argument's name.</param>
    /// <param name="value">The argument's value.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidArgument(string message, string name, string value) =>
        new AwsError("InvalidArgument", message, 400)
        {
            Details = [KeyValuePair.Create("ArgumentName", name), KeyValuePair.Create("ArgumentValue", value)],
        };

    /// <summary>A URI S3 cannot parse (bad percent-encoding, a key that is not UTF-8).</summary>
    /// <returns>The error.</returns>
    public static AwsError InvalidUri() => new("InvalidURI", "Couldn't parse the specified URI.", 400);

    /// <summary>A Content-MD5 header that is not a base64 MD5.</summary>
    /// <returns>The error.</returns>
    public static AwsError InvalidDigest() => new("InvalidDigest", "The Content-MD5 you specified is not valid.", 400);

    /// <summary>A Content-MD5 header that does not match the body.</summary>
    /// <returns>The error.</returns>
    public static AwsError BadDigest() => new("BadDigest", "The Content-MD5 you specified did not match what we received.", 400);

    /// <summary>CreateBucket with a location constraint that is not a region name, or us-east-1 named explicitly.</summary>
    /// <param name="constraint">The constraint as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidLocationConstraint(string constraint) =>
        new AwsError("InvalidLocationConstraint", "The specified location-constraint is not valid", 400)
        {
            Details = [KeyValuePair.Create("LocationConstraint", constraint)],
        };

    /// <summary>CreateBucket with a location constraint for another region than the endpoint's.</summary>
    /// <param name="constraint">The constraint as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError IllegalLocationConstraint(string constraint) =>
        new("IllegalLocationConstraintException",
            $"The {constraint} location constraint is incompatible for the region specific endpoint this request was sent to.", 400);

    /// <summary>A Range that lies outside the object.</summary>
    /// <param name="requested">The Range header as sent.</param>
    /// <param name="size">The object's size.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidRange(string requested, long size) =>
        new AwsError("InvalidRange", "The requested range is not satisfiable", 416)
        {
            Details =
            [
                KeyValuePair.Create("RangeRequested", requested),
                KeyValuePair.Create("ActualObjectSize", size.ToString(CultureInfo.InvariantCulture)),
            ],
        };

    /// <summary>A world error in S3's document, with the bucket named (e.g. BucketNotEmpty).</summary>
    /// <param name="error">The world's error (code, message, status as S3 gives them).</param>
    /// <param name="bucket">The bucket.</param>
    /// <returns>The error.</returns>
    public static AwsError FromWorld(IamLab.World.Errors.IamError error, string bucket)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new AwsError(error.Code, error.Message, error.HttpStatus) { Details = [KeyValuePair.Create("BucketName", bucket)] };
    }

    /// <summary>The engine refused and the caller may not learn more (anonymous callers, the ListBucket check on a missing key).</summary>
    /// <returns>The error.</returns>
    public static AwsError AccessDenied() => new("AccessDenied", "Access Denied", 403);
}
