namespace IamLab.World.Compute;

/// <summary>What the instance metadata service does with a <see cref="MetadataRequest"/>.</summary>
public enum MetadataVerdict
{
    /// <summary>Answered: a token is issued, or the read is served.</summary>
    Served,

    /// <summary>401 Unauthorized: a read without a token while HttpTokens is required, or with a token that is not valid.</summary>
    Unauthorized,

    /// <summary>403 Forbidden: a token request that came through a proxy (X-Forwarded-For).</summary>
    Forbidden,

    /// <summary>
    /// The token's PUT response never reaches the caller: it is more hops away than HttpPutResponseHopLimit allows
    /// (the response's IP TTL runs out on the way; the caller sees a time-out).
    /// </summary>
    HopLimitExceeded,

    /// <summary>HttpEndpoint is disabled: nothing answers.</summary>
    EndpointDisabled,
}
