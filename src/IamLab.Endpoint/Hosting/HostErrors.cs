using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Hosting;

/// <summary>The errors the host itself answers with, before or around a service handler, with AWS's codes and texts.</summary>
public static class HostErrors
{
    /// <summary>
    /// The request names a service the lab does not serve. AWS has no single answer for this (each service is
    /// its own host name); the lab words it in the Query protocol's <c>InvalidAction</c> style.
    /// </summary>
    /// <param name="service">The signing name from the credential scope.</param>
    /// <param name="served">The signing names the endpoint serves.</param>
    /// <returns>The error.</returns>
    public static AwsError UnknownService(string service, IEnumerable<string> served) =>
        new("InvalidAction", $"The lab endpoint does not serve the service '{service}'; it serves {string.Join(", ", served)}.", 400);

    /// <summary>The body is above the limit: S3's <c>EntityTooLarge</c> or the Query protocol's <c>RequestEntityTooLarge</c>.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <returns>The error.</returns>
    public static AwsError TooLarge(bool s3, int limit) => s3
        ? new("EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.", 400)
        {
            Details = [KeyValuePair.Create("MaxSizeAllowed", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        }
        : QueryErrors.RequestEntityTooLarge(limit);

    /// <summary>The session behind the key has expired.</summary>
    /// <param name="s3">Whether to answer in S3's words (S3 answers 400).</param>
    /// <returns>The error.</returns>
    public static AwsError ExpiredToken(bool s3) => s3
        ? new("ExpiredToken", "The provided token has expired.", 400)
        : new("ExpiredToken", "The security token included in the request is expired", 403);

    /// <summary>The session token is missing or does not belong to the key.</summary>
    /// <param name="s3">Whether to answer in S3's words (S3 answers 400 <c>InvalidToken</c>).</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidToken(bool s3) => s3
        ? new("InvalidToken", "The provided token is malformed or otherwise invalid.", 400)
        : new("InvalidClientTokenId", "The security token included in the request is invalid.", 403);

    /// <summary>
    /// A change could not be saved in the world store (a full disk): AWS's <c>ServiceUnavailable</c> (503), with AWS's
    /// text (S3's for S3) followed by the lab's own explanation in brackets.
    /// </summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <param name="failure">The store's failure.</param>
    /// <returns>The error.</returns>
    public static AwsError StoreUnavailable(bool s3, Exception failure) => s3
        ? new("ServiceUnavailable", $"Please reduce your request rate. ({StoreUnavailableDetail(failure)})", 503)
        : new("ServiceUnavailable", $"The request has failed due to a temporary failure of the server. ({StoreUnavailableDetail(failure)})", 503);

    /// <summary>The lab's explanation of a store failure (lab wording, not AWS's).</summary>
    /// <param name="failure">The store's failure.</param>
    /// <returns>The text.</returns>
    public static string StoreUnavailableDetail(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return $"Lab: {failure.Message} The change is kept in memory and is saved with the next change that can be written; reads are still answered.";
    }

    /// <summary>An unexpected failure inside the lab (a bug): AWS's <c>InternalFailure</c> / S3's <c>InternalError</c>.</summary>
    /// <param name="s3">Whether to answer in S3's words.</param>
    /// <returns>The error.</returns>
    public static AwsError Internal(bool s3) => s3
        ? new("InternalError", "We encountered an internal error. Please try again.", 500)
        : new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
}
