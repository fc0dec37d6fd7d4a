namespace IamLab.World.Events;

/// <summary>
/// What a front end knows about the request in flight that the world cannot see: the request id it answered with, the
/// client's address and its User-Agent. The endpoint sets them with <see cref="EventLog.Scope"/> around each request, and
/// every event recorded meanwhile carries them.
/// </summary>
/// <param name="RequestId">The request id (<c>x-amzn-RequestId</c>), or null.</param>
/// <param name="SourceIp">The client's IP address, or null.</param>
/// <param name="UserAgent">The client's User-Agent header, or null.</param>
public sealed record CallFacts(string? RequestId, string? SourceIp, string? UserAgent)
{
    /// <summary>How many events were recorded with these facts: a front end records the call itself only when the world did not.</summary>
    public int Recorded { get; internal set; }
}
