namespace IamLab.Endpoint.Auth;

/// <summary>
/// The special values of the <c>X-Amz-Content-SHA256</c> header that stand in for a payload hash,
/// and helpers to classify a header value.
/// </summary>
public static class ContentSha256
{
    /// <summary>The body is not covered by the signature.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>aws-chunked body, each chunk signed, no trailer.</summary>
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>aws-chunked body, each chunk signed, followed by a signed trailer (AWSSDK.S3 4.x over HTTP).</summary>
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

    /// <summary>aws-chunked body without chunk signatures, followed by an unsigned trailer.</summary>
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>SigV4a streaming (ECDSA), which this endpoint does not verify.</summary>
    public const string StreamingEcdsa = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD";

    /// <summary>SigV4a streaming with trailer (ECDSA), which this endpoint does not verify.</summary>
    public const string StreamingEcdsaTrailer = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER";

    /// <summary>The hex SHA-256 of the empty string.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>True when the value is one of the aws-chunked markers (the body must be decoded).</summary>
    /// <param name="value">The header value.</param>
    /// <returns>Whether the body is aws-chunked.</returns>
    public static bool IsStreaming(string? value) =>
        value is StreamingSigned or StreamingSignedTrailer or StreamingUnsignedTrailer or StreamingEcdsa or StreamingEcdsaTrailer;

    /// <summary>True when the value is 64 lower- or upper-case hex digits, i.e. a real payload hash.</summary>
    /// <param name="value">The header value.</param>
    /// <returns>Whether the value is a literal SHA-256.</returns>
    public static bool IsHexHash(string? value) =>
        value is { Length: 64 } && value.All(Uri.IsHexDigit);

    /// <summary>True when S3 accepts the value in <c>X-Amz-Content-SHA256</c>.</summary>
    /// <param name="value">The header value.</param>
    /// <returns>Whether the value is well-formed.</returns>
    public static bool IsValid(string? value) =>
        value == UnsignedPayload || IsStreaming(value) || IsHexHash(value);
}
