namespace IamLab.World.Compute;

/// <summary>
/// How the instance metadata service answers a request under an instance's metadata options (EC2 User Guide,
/// "How Instance Metadata Service Version 2 works" and "Configure the instance metadata options"). The endpoint's
/// metadata listeners and the grader's <c>imds</c> steps both ask here, so they cannot disagree.
/// </summary>
public static class MetadataAccess
{
    /// <summary>Decides <paramref name="request"/> under <paramref name="options"/>.</summary>
    /// <param name="options">The instance's metadata options.</param>
    /// <param name="request">The request.</param>
    /// <returns>The verdict.</returns>
    public static MetadataVerdict Decide(InstanceMetadataOptions options, MetadataRequest request)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HttpEndpoint == InstanceMetadataOptions.Disabled)
        {
            return MetadataVerdict.EndpointDisabled;
        }

        if (request.IsTokenRequest)
        {
            // INVARIANT: a proxied token request is refused whatever the hop limit (IMDS blocks X-Forwarded-For on PUT).
            if (request.Forwarded)
            {
                return MetadataVerdict.Forbidden;
            }

            return request.Hops > options.HttpPutResponseHopLimit ? MetadataVerdict.HopLimitExceeded : MetadataVerdict.Served;
        }

        // A token that is sent must be valid even when tokens are optional: IMDS answers an invalid token with 401.
        return request.Token switch
        {
            MetadataToken.Valid => MetadataVerdict.Served,
            MetadataToken.Invalid => MetadataVerdict.Unauthorized,
            _ => options.AllowsV1 ? MetadataVerdict.Served : MetadataVerdict.Unauthorized,
        };
    }
}
