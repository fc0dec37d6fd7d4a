using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// The catalogue of authentication errors with AWS's codes, texts and statuses. Query services
/// (STS, IAM, EC2) and S3 word several of them differently; the <c>s3</c> flag picks the dialect.
/// </summary>
public static class SigV4Errors
{
    /// <summary>No signature at all, answered by Query services (S3 treats the request as anonymous instead).</summary>
    /// <returns>The error.</returns>
    public static AwsError MissingAuthenticationToken() =>
        new("MissingAuthenticationToken", "Request is missing Authentication Token", 403);

    /// <summary>The access key id is unknown.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <returns>The error.</returns>
    public static AwsError UnknownAccessKey(bool s3) => s3
        ? new("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403)
        : new("InvalidClientTokenId", "The security token included in the request is invalid.", 403);

    /// <summary>The signature does not match the one computed here.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <returns>The error.</returns>
    public static AwsError SignatureDoesNotMatch(bool s3) => s3
        ? new("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.", 403)
        : new("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);

    /// <summary>Query services: the request is more than the allowed skew in the past.</summary>
    /// <param name="requestTime">The request's timestamp.</param>
    /// <param name="now">The server's time.</param>
    /// <param name="skew">The allowed skew.</param>
    /// <returns>The error.</returns>
    public static AwsError SignatureExpired(DateTimeOffset requestTime, DateTimeOffset now, TimeSpan skew) =>
        new("SignatureDoesNotMatch",
            $"Signature expired: {AwsTimestamp.ToText(requestTime)} is now earlier than {AwsTimestamp.ToText(now - skew)} ({AwsTimestamp.ToText(now)} - {skew.TotalMinutes:0} min.)",
            403);

    /// <summary>Query services: the request is more than the allowed skew in the future.</summary>
    /// <param name="requestTime">The request's timestamp.</param>
    /// <param name="now">The server's time.</param>
    /// <param name="skew">The allowed skew.</param>
    /// <returns>The error.</returns>
    public static AwsError SignatureNotYetCurrent(DateTimeOffset requestTime, DateTimeOffset now, TimeSpan skew) =>
        new("SignatureDoesNotMatch",
            $"Signature not yet current: {AwsTimestamp.ToText(requestTime)} is still later than {AwsTimestamp.ToText(now + skew)} ({AwsTimestamp.ToText(now)} + {skew.TotalMinutes:0} min.)",
            403);

    /// <summary>S3: the request time is too far from the server's, either way.</summary>
    /// <param name="requestTime">The request's timestamp.</param>
    /// <param name="now">The server's time.</param>
    /// <returns>The error, carrying both times as S3 does.</returns>
    public static AwsError RequestTimeTooSkewed(DateTimeOffset requestTime, DateTimeOffset now) =>
        new("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403)
        {
            Details =
            [
                KeyValuePair.Create("RequestTime", AwsTimestamp.ToText(requestTime)),
                KeyValuePair.Create("ServerTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
                KeyValuePair.Create("MaxAllowedSkewMilliseconds", "900000"),
            ],
        };

    /// <summary>A presigned URL used after <c>X-Amz-Date + X-Amz-Expires</c>.</summary>
    /// <returns>The error.</returns>
    public static AwsError RequestExpired() => new("AccessDenied", "Request has expired", 403);

    /// <summary>A presigned URL whose <c>X-Amz-Date</c> is more than the allowed skew in the future.</summary>
    /// <returns>The error.</returns>
    public static AwsError RequestNotYetValid() => new("AccessDenied", "Request is not yet valid", 403);

    /// <summary>The Authorization header or presign parameters are incomplete or malformed.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <param name="presigned">Whether the problem is in presigned-URL query parameters.</param>
    /// <param name="message">The specific complaint, quoting the offending text.</param>
    /// <returns>The error.</returns>
    public static AwsError Malformed(bool s3, bool presigned, string message) =>
        (s3, presigned) switch
        {
            (true, true) => new("AuthorizationQueryParametersError", message, 400),
            (true, false) => new("AuthorizationHeaderMalformed", message, 400),
            _ => new("IncompleteSignature", message, 400),
        };

    /// <summary>The Authorization header names an algorithm other than AWS4-HMAC-SHA256.</summary>
    /// <param name="algorithm">The algorithm as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError UnsupportedAlgorithm(string algorithm) =>
        new("IncompleteSignature", $"Unsupported AWS 'algorithm': '{algorithm}'. The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.", 400);

    /// <summary>S3: an <c>x-amz-*</c> header was sent but not signed.</summary>
    /// <param name="names">The unsigned header names.</param>
    /// <returns>The error.</returns>
    public static AwsError HeadersNotSigned(IEnumerable<string> names) =>
        new("AccessDenied", "There were headers present in the request which were not signed", 403)
        {
            Details = [KeyValuePair.Create("HeadersNotSigned", string.Join(", ", names))],
        };

    /// <summary>S3: <c>X-Amz-Content-SHA256</c> is absent.</summary>
    /// <returns>The error.</returns>
    public static AwsError MissingContentSha256() =>
        new("InvalidRequest", "Missing required header for this request: x-amz-content-sha256", 400);

    /// <summary>S3: <c>X-Amz-Content-SHA256</c> is neither a hash nor a known marker.</summary>
    /// <returns>The error.</returns>
    public static AwsError InvalidContentSha256() =>
        new("InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.", 400);

    /// <summary>S3: <c>X-Amz-Content-SHA256</c> names a hash that differs from the body's.</summary>
    /// <param name="clientHash">The hash the client sent.</param>
    /// <param name="serverHash">The hash of the body as received.</param>
    /// <returns>The error.</returns>
    public static AwsError ContentSha256Mismatch(string clientHash, string serverHash) =>
        new("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", 400)
        {
            Details = [KeyValuePair.Create("ClientComputedContentSHA256", clientHash), KeyValuePair.Create("S3ComputedContentSHA256", serverHash)],
        };

    /// <summary>The credential scope's date differs from the request timestamp's date.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <param name="presigned">Whether the credential came from presigned-URL parameters.</param>
    /// <param name="scopeDate">The date in the credential scope.</param>
    /// <param name="timestamp">The request timestamp as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError CredentialDateMismatch(bool s3, bool presigned, string scopeDate, string timestamp) => s3
        ? Malformed(true, presigned, $"Invalid credential date \"{scopeDate}\". This date is not the same as X-Amz-Date: \"{timestamp[..Math.Min(8, timestamp.Length)]}\".")
        : new("SignatureDoesNotMatch", $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{timestamp[..Math.Min(8, timestamp.Length)]}', from '{timestamp}'.", 403);

    /// <summary>A header-signed request carries neither <c>X-Amz-Date</c> nor a usable <c>Date</c>.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <param name="authorization">The Authorization header as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError MissingDate(bool s3, string authorization) => s3
        ? new("AccessDenied", "AWS authentication requires a valid Date or x-amz-date header", 403)
        : new("IncompleteSignature", $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={authorization}", 400);

    /// <summary>The request carries both an Authorization header and presigned-URL parameters.</summary>
    /// <returns>The error.</returns>
    public static AwsError TwoAuthMechanisms() =>
        new("InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified", 400);
}
