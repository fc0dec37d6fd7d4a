namespace IamLab.Endpoint.Auth;

/// <summary>What a request claims about its signature, read from the Authorization header or presign parameters; not yet checked.</summary>
internal sealed record SigV4Claim(
    bool Presigned,
    CredentialScope Scope,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string? Timestamp,
    string? Expires,
    string? SessionToken,
    string Authorization);
