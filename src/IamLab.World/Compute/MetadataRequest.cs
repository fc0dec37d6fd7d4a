namespace IamLab.World.Compute;

/// <summary>
/// One request to an instance's metadata service, as far as the instance's metadata options can tell requests apart.
/// </summary>
/// <param name="IsTokenRequest">True for <c>PUT /latest/api/token</c>.</param>
/// <param name="Token">For a read: whether it carried a token header, and whether that token is live for this instance.</param>
/// <param name="Hops">
/// How many network hops the caller is from the instance's metadata service: 1 for a process on the instance, 2 for a
/// container on it (bridge network), more for a caller behind a forwarding proxy.
/// </param>
/// <param name="Forwarded">True when the token request carries <c>X-Forwarded-For</c> (it came through a proxy).</param>
public readonly record struct MetadataRequest(bool IsTokenRequest, MetadataToken Token = MetadataToken.None, int Hops = 1, bool Forwarded = false);
