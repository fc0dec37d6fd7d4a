using IamLab.Endpoint.Auth;

namespace IamLab.Endpoint.Protocol;

/// <summary>The catalogue of errors an aws-chunked body can earn, with S3's codes and statuses.</summary>
public static class AwsChunkedErrors
{
    /// <summary>A chunk or trailer signature does not match.</summary>
    /// <returns>The error.</returns>
    public static AwsError SignatureDoesNotMatch() => SigV4Errors.SignatureDoesNotMatch(s3: true);

    /// <summary>The body ended early or carried fewer bytes than declared.</summary>
    /// <returns>The error.</returns>
    public static AwsError IncompleteBody() =>
        new("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.", 400);

    /// <summary>The trailing checksum does not match the decoded data.</summary>
    /// <param name="algorithm">The algorithm name, e.g. <c>CRC32</c>.</param>
    /// <returns>The error.</returns>
    public static AwsError BadDigest(string algorithm) =>
        new("BadDigest", $"The {algorithm} you specified did not match the calculated checksum.", 400);

    /// <summary>The body or its headers break the aws-chunked format.</summary>
    /// <param name="message">What is wrong, quoting the offending text.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidRequest(string message) => new("InvalidRequest", message, 400);
}
