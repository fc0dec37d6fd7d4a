using System.Net;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// Keeps web pages out: the first step of every request, before any route. A page in the learner's browser can send
/// requests to 127.0.0.1 (and, with DNS rebinding, read the answers under its own name), and the root convention's
/// secret is public, so the endpoint answers only requests that name it by a loopback or configured host and that
/// no browser sent on behalf of another site. It never grants CORS.
/// </summary>
internal static class BrowserGuard
{
    /// <summary>Null when the request may go on; else the status and the lab's message to refuse it with.</summary>
    public static (int Status, string Message)? Check(HttpRequest request, EndpointSwitches switches)
    {
        var host = request.Host.HasValue ? request.Host.Host.Trim('[', ']').ToLowerInvariant() : string.Empty;
        if (!IsAllowedHost(host, switches))
        {
            // 421 Misdirected Request: a DNS-rebinding page reaches this port under its own name.
            return (StatusCodes.Status421MisdirectedRequest,
                $"The Host '{request.Host.Value}' does not name this endpoint. It answers 127.0.0.1, localhost and the names given with --allowed-host.");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return (StatusCodes.Status403Forbidden,
                $"Requests from web pages (Origin: {origin}) are refused: the endpoint serves AWS clients, not browsers, and grants no CORS.");
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
        {
            return (StatusCodes.Status403Forbidden,
                $"Requests a browser sends for another site (Sec-Fetch-Site: {site}) are refused.");
        }

        return null;
    }

    private static bool IsAllowedHost(string host, EndpointSwitches switches)
    {
        if (host.Length == 0)
        {
            return false;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            // An address literal cannot be rebound by DNS; a remote endpoint is reached by its addresses.
            return IPAddress.IsLoopback(address) || switches.Remote;
        }

        // *.localhost is loopback by RFC 6761 (and the S3 SDKs' virtual-hosted form BUCKET.localhost).
        return host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || switches.AllowedHosts.Contains(host);
    }
}
