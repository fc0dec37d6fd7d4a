namespace IamLab.Endpoint.Auth;

/// <summary>What signature verification concluded about a request.</summary>
public enum SigV4Outcome
{
    /// <summary>The request carries a valid signature from a known key.</summary>
    Verified,

    /// <summary>
    /// The request carries no signature at all. S3 may serve it if a policy allows anonymous access;
    /// Query services answer <see cref="SigV4Errors.MissingAuthenticationToken"/>.
    /// </summary>
    Anonymous,

    /// <summary>The request carries a signature that is malformed, stale, from an unknown key or wrong.</summary>
    Failed,
}
