using IamLab.Endpoint.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// The instance metadata service of every instance under one path: <c>/_imds/INSTANCE-ID/latest/…</c>. The AWS SDK for
/// .NET keeps the path of <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> and appends <c>/latest/api/token</c> and
/// <c>/latest/meta-data/iam/security-credentials/…</c> to it, so a program given
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:4566/_imds/i-0abc…</c> acts as that instance; SDKs that drop
/// the path use the instance's own listener (<see cref="InstanceMetadataListeners"/>). Each instance's metadata options
/// decide whether reads need an IMDSv2 token. The routes are unauthenticated, as IMDS is; <c>_imds</c> cannot be a
/// bucket name (S3 forbids underscores), so they never hide an S3 request.
/// </summary>
public static class ImdsRoutes
{
    /// <summary>The path prefix of the per-instance metadata services.</summary>
    public const string Prefix = "/_imds";

    /// <summary>The request header that asks for a token and its lifetime.</summary>
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    /// <summary>The request header that carries the token.</summary>
    public const string TokenHeader = "X-aws-ec2-metadata-token";

    /// <summary>
    /// <c>GET /_imds/INSTANCE-ID/listener</c> answers the URL of the instance's own metadata listener
    /// (<c>http://127.0.0.1:PORT</c>), for a script that sets <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>; 404 when it has none.
    /// </summary>
    public const string ListenerSegment = "listener";

    /// <summary>Maps <c>/_imds/{instance}/latest/…</c> and <c>/_imds/{instance}/listener</c>.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="state">The endpoint's state.</param>
    /// <param name="open">False when the endpoint is reachable from the network: then every metadata request gets 403.</param>
    public static void Map(IEndpointRouteBuilder routes, EndpointState state, bool open = true)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(state);
        var tokens = state.ImdsTokens;
        routes.Map(Prefix + "/{**rest}", context => open
            ? HandleAsync(context, state, tokens)
            : Closed(context));
    }

    /// <summary>The answer of every metadata route when instance metadata is off.</summary>
    internal static Task Closed(HttpContext context)
    {
        context.Response.StatusCode = 403;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("Instance metadata is off: the endpoint listens on the network (--allow-remote). Start it with --anonymous-imds to serve it anyway.", context.RequestAborted);
    }

    private static Task ListenerAsync(HttpContext context, EndpointState state, string instanceId)
    {
        var url = state.MetadataListeners?.UrlOf(instanceId);
        context.Response.ContentType = "text/plain";
        if (url is null)
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync(
                $"Instance {instanceId} has no metadata listener (no such instance, or more instances than the endpoint opens listeners for); use {Prefix}/{instanceId} with the AWS SDK for .NET.",
                context.RequestAborted);
        }

        return context.Response.WriteAsync(url.ToString().TrimEnd('/') + "\n", context.RequestAborted);
    }

    private static Task HandleAsync(HttpContext context, EndpointState state, ImdsTokens tokens)
    {
        // The SDK joins the configured endpoint and "/latest" without trimming, so "…/i-0abc//latest/…" is common.
        var path = context.Request.Path.Value ?? string.Empty;
        var segments = path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 2 && segments[1] == ListenerSegment && HttpMethods.IsGet(context.Request.Method))
        {
            return ListenerAsync(context, state, segments[0]);
        }

        if (segments.Length < 2)
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("Not Found", context.RequestAborted);
        }

        return ImdsServer.ServeAsync(context, state, tokens, segments[0], segments[1..], path.EndsWith('/'));
    }
}
