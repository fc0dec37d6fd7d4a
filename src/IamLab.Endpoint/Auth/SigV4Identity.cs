namespace IamLab.Endpoint.Auth;

/// <summary>
/// Who signed a verified request and how: the key, its scope, the session token and the
/// signature itself, which seeds the chunk signatures of an aws-chunked body.
/// </summary>
public sealed class SigV4Identity
{
    internal SigV4Identity(
        CredentialScope scope,
        DateTimeOffset signingTime,
        string? sessionToken,
        string signature,
        string payloadHash,
        bool isPresigned,
        byte[] signingKey)
    {
        Scope = scope;
        SigningTime = signingTime;
        SessionToken = sessionToken;
        Signature = signature;
        PayloadHash = payloadHash;
        IsPresigned = isPresigned;
        SigningKey = signingKey;
    }

    /// <summary>The credential scope: access key id, date, region and service.</summary>
    public CredentialScope Scope { get; }

    /// <summary>The access key id that signed the request.</summary>
    public string AccessKeyId => Scope.AccessKeyId;

    /// <summary>The region the signature was scoped to.</summary>
    public string Region => Scope.Region;

    /// <summary>The service the signature was scoped to.</summary>
    public string Service => Scope.Service;

    /// <summary>The request timestamp (<c>X-Amz-Date</c>).</summary>
    public DateTimeOffset SigningTime { get; }

    /// <summary>The request timestamp as it appears in strings to sign.</summary>
    public string Timestamp => AwsTimestamp.ToText(SigningTime);

    /// <summary>The session token sent in <c>X-Amz-Security-Token</c>, or null for long-term keys.</summary>
    public string? SessionToken { get; }

    /// <summary>The verified signature; for aws-chunked bodies the seed of the first chunk signature.</summary>
    public string Signature { get; }

    /// <summary>The hashed-payload line that was signed: a hex SHA-256 or a <see cref="ContentSha256"/> marker.</summary>
    public string PayloadHash { get; }

    /// <summary>True when the signature came from presigned-URL query parameters.</summary>
    public bool IsPresigned { get; }

    // The derived key, kept internal: only this assembly's aws-chunked decoder needs it.
    internal byte[] SigningKey { get; }
}
