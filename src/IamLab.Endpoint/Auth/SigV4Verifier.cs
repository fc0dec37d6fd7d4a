using System.Globalization;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Auth;

/// <summary>
/// Verifies AWS Signature Version 4, in the Authorization header or in presigned-URL query parameters,
/// and answers with a <see cref="SigV4Result"/>: failures are values carrying AWS's code and message.
/// </summary>
/// <remarks>
/// Checks run in AWS's order: the claim's shape, the clock, the key, then the signature, so a stale request
/// from an unknown key is reported as stale. S3 (scope service <c>s3</c>) encodes paths once and words its errors its own way.
/// </remarks>
public sealed class SigV4Verifier
{
    /// <summary>How far a request timestamp may be from the server's clock.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    /// <summary>The longest validity a presigned URL may ask for: one week.</summary>
    public const int MaxPresignedExpirySeconds = 604800;

    private readonly Func<string, string?> _secretLookup;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="secretLookup">Returns the secret access key for an access key id, or null when the key is unknown.</param>
    /// <param name="time">The clock that decides whether a signature is stale or a presigned URL expired.</param>
    public SigV4Verifier(Func<string, string?> secretLookup, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(secretLookup);
        ArgumentNullException.ThrowIfNull(time);
        _secretLookup = secretLookup;
        _time = time;
    }

    /// <summary>Verifies the request's signature.</summary>
    /// <param name="request">The request as received.</param>
    /// <returns>Verified with the signer's identity, anonymous when unsigned, or failed with an AWS error.</returns>
    /// <exception cref="InvalidOperationException">
    /// A non-S3 request without <c>X-Amz-Content-SHA256</c> was given without its <see cref="SignedRequest.PayloadHash"/>.
    /// </exception>
    public SigV4Result Verify(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (claim, signingTime, error) = Inspect(request);
        if (error is not null)
        {
            return SigV4Result.Failed(error);
        }

        if (claim is null)
        {
            return SigV4Result.Anonymous;
        }

        var s3 = claim.Scope.IsS3;
        var (payloadHash, payloadError) = PayloadHash(claim, request);
        if (payloadError is not null)
        {
            return SigV4Result.Failed(payloadError);
        }

        var secret = _secretLookup(claim.Scope.AccessKeyId);
        if (secret is null)
        {
            return SigV4Result.Failed(SigV4Errors.UnknownAccessKey(s3));
        }

        var canonical = CanonicalRequest.Build(request, claim.SignedHeaders, payloadHash!, s3, claim.Presigned ? "X-Amz-Signature" : null);
        var timestamp = AwsTimestamp.ToText(signingTime);
        var stringToSign = SigV4Signing.StringToSign(timestamp, claim.Scope.Scope, canonical);
        var key = SigV4Signing.DeriveSigningKey(secret, claim.Scope.Date, claim.Scope.Region, claim.Scope.Service);
        var expected = SigV4Signing.Sign(key, stringToSign);
        if (!SigV4Signing.SignaturesEqual(expected, claim.Signature))
        {
            return SigV4Result.Failed(SigV4Errors.SignatureDoesNotMatch(s3) with
            {
                Details =
                [
                    KeyValuePair.Create("AWSAccessKeyId", claim.Scope.AccessKeyId),
                    KeyValuePair.Create("StringToSign", stringToSign),
                    KeyValuePair.Create("SignatureProvided", claim.Signature),
                    KeyValuePair.Create("CanonicalRequest", canonical),
                ],
            });
        }

        return SigV4Result.Verified(new SigV4Identity(
            claim.Scope, signingTime, claim.SessionToken, expected, payloadHash!, claim.Presigned, key));
    }

    /// <summary>
    /// Every check <see cref="Verify"/> makes before the signature itself, none of which needs the body: the claim's
    /// shape, the clock, the signed headers and the key. The host runs it before reading a body it must hash, so an
    /// unknown, stale or malformed request never gets a body read.
    /// </summary>
    /// <param name="request">The request as received (its payload hash is not needed).</param>
    /// <returns>Null when the request may be worth reading (or is unsigned); else the error <see cref="Verify"/> would give.</returns>
    public AwsError? Precheck(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (claim, _, error) = Inspect(request);
        if (error is not null || claim is null)
        {
            return error;
        }

        return _secretLookup(claim.Scope.AccessKeyId) is null ? SigV4Errors.UnknownAccessKey(claim.Scope.IsS3) : null;
    }

    private (SigV4Claim? Claim, DateTimeOffset SigningTime, AwsError? Error) Inspect(SignedRequest request)
    {
        var authorization = request.Header("Authorization");
        var presigned = request.QueryValue("X-Amz-Algorithm") is not null;
        if (presigned && authorization is not null)
        {
            return (null, default, SigV4Errors.TwoAuthMechanisms());
        }

        var (claim, parseError) = presigned
            ? SigV4ClaimParser.FromQuery(request)
            : authorization is not null ? SigV4ClaimParser.FromHeader(authorization, request) : (null, null);
        if (parseError is not null || claim is null)
        {
            return (null, default, parseError);
        }

        var error = CheckTime(claim, out var signingTime) ?? CheckSignedHeaders(claim, request);
        return (claim, signingTime, error);
    }

    private AwsError? CheckTime(SigV4Claim claim, out DateTimeOffset signingTime)
    {
        var s3 = claim.Scope.IsS3;
        if (!AwsTimestamp.TryParse(claim.Timestamp, out signingTime))
        {
            return claim.Presigned
                ? SigV4Errors.Malformed(s3, true, $"X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"; got '{claim.Timestamp}'.")
                : SigV4Errors.MissingDate(s3, claim.Authorization);
        }

        var timestamp = AwsTimestamp.ToText(signingTime);
        if (!timestamp.StartsWith(claim.Scope.Date, StringComparison.Ordinal))
        {
            return SigV4Errors.CredentialDateMismatch(s3, claim.Presigned, claim.Scope.Date, timestamp);
        }

        var now = _time.GetUtcNow();
        if (claim.Presigned && claim.Expires is not null)
        {
            if (!int.TryParse(claim.Expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return SigV4Errors.Malformed(s3, true, "X-Amz-Expires should be a number");
            }

            if (seconds > MaxPresignedExpirySeconds)
            {
                return SigV4Errors.Malformed(s3, true, $"X-Amz-Expires must be less than a week (in seconds) that is {MaxPresignedExpirySeconds}");
            }

            if (signingTime - now > MaxSkew)
            {
                return SigV4Errors.RequestNotYetValid();
            }

            return now > signingTime.AddSeconds(seconds) ? SigV4Errors.RequestExpired() : null;
        }

        if (now - signingTime > MaxSkew)
        {
            return s3 ? SigV4Errors.RequestTimeTooSkewed(signingTime, now) : SigV4Errors.SignatureExpired(signingTime, now, MaxSkew);
        }

        if (signingTime - now > MaxSkew)
        {
            return s3 ? SigV4Errors.RequestTimeTooSkewed(signingTime, now) : SigV4Errors.SignatureNotYetCurrent(signingTime, now, MaxSkew);
        }

        return null;
    }

    private static AwsError? CheckSignedHeaders(SigV4Claim claim, SignedRequest request)
    {
        if (!claim.SignedHeaders.Contains("host"))
        {
            return SigV4Errors.Malformed(claim.Scope.IsS3, claim.Presigned, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (!claim.Scope.IsS3)
        {
            return null;
        }

        // S3 refuses x-amz-* headers that ride along unsigned, so a presigned URL cannot be widened in transit.
        var unsigned = request.Headers
            .Select(h => h.Key.ToLowerInvariant())
            .Where(n => n.StartsWith("x-amz-", StringComparison.Ordinal) && !claim.SignedHeaders.Contains(n))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return unsigned.Count > 0 ? SigV4Errors.HeadersNotSigned(unsigned) : null;
    }

    private static (string? Hash, AwsError? Error) PayloadHash(SigV4Claim claim, SignedRequest request)
    {
        var header = request.Header("X-Amz-Content-SHA256");
        var s3 = claim.Scope.IsS3;
        if (!s3 && header is not null && !ContentSha256.IsHexHash(header))
        {
            // UNSIGNED-PAYLOAD and aws-chunked are S3's alone: the other services always hash the body they received,
            // so a Query body cannot be swapped after signing. The client's signature then cannot match.
            return (null, SigV4Errors.SignatureDoesNotMatch(false));
        }

        if (header is null)
        {
            if (s3)
            {
                return claim.Presigned ? (ContentSha256.UnsignedPayload, null) : (null, SigV4Errors.MissingContentSha256());
            }

            return (request.PayloadHash ?? throw new InvalidOperationException(
                "A non-S3 request needs SignedRequest.PayloadHash: its signature covers the body's hash."), null);
        }

        if (s3 && !ContentSha256.IsValid(header))
        {
            return (null, SigV4Errors.InvalidContentSha256());
        }

        if (ContentSha256.IsHexHash(header) && request.PayloadHash is { } actual
            && !string.Equals(header, actual, StringComparison.OrdinalIgnoreCase))
        {
            return (null, s3 ? SigV4Errors.ContentSha256Mismatch(header, actual) : SigV4Errors.SignatureDoesNotMatch(false));
        }

        return (header, null);
    }
}
