using System.Globalization;
using IamLab.Endpoint.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// The instance metadata service, one per instance: <c>/_imds/INSTANCE-ID/latest/…</c>. The SDKs keep the path of
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> and append <c>/latest/api/token</c> and
/// <c>/latest/meta-data/iam/security-credentials/…</c> to it, so a program given
/// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:4566/_imds/i-0abc…</c> acts as that instance. IMDSv2 only:
/// every read needs a token from <c>PUT …/latest/api/token</c> (401 without one), as on an instance launched with
/// <c>HttpTokens=required</c>. The routes are unauthenticated, as IMDS is; <c>_imds</c> cannot be a bucket name
/// (S3 forbids underscores), so they never hide an S3 request.
/// </summary>
public static class ImdsRoutes
{
    /// <summary>The path prefix of the per-instance metadata services.</summary>
    public const string Prefix = "/_imds";

    /// <summary>The request header that asks for a token and its lifetime.</summary>
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    /// <summary>The request header that carries the token.</summary>
    public const string TokenHeader = "X-aws-ec2-metadata-token";

    /// <summary>Maps <c>/_imds/{instance}/latest/…</c>.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="state">The endpoint's state.</param>
    /// <param name="open">False when the endpoint is reachable from the network: then every metadata request gets 403.</param>
    public static void Map(IEndpointRouteBuilder routes, EndpointState state, bool open = true)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(state);
        var tokens = new ImdsTokens(state.World.Time);
        routes.Map(Prefix + "/{**rest}", context => open
            ? HandleAsync(context, state, tokens)
            : Text(context, 403, "Instance metadata is off: the endpoint listens on the network (--allow-remote). Start it with --anonymous-imds to serve it anyway."));
    }

    private static async Task HandleAsync(HttpContext context, EndpointState state, ImdsTokens tokens)
    {
        // The SDK joins the configured endpoint and "/latest" without trimming, so "…/i-0abc//latest/…" is common.
        var segments = (context.Request.Path.Value ?? string.Empty)[Prefix.Length..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[1] != "latest")
        {
            await Text(context, 404, "Not Found");
            return;
        }

        var instanceId = segments[0];
        var path = string.Join('/', segments.Skip(2));
        var trailingSlash = context.Request.Path.Value!.EndsWith('/');
        lock (state.WorldGate)
        {
            if (!state.World.Compute.Instances.ContainsKey(instanceId))
            {
                instanceId = string.Empty;
            }
        }

        if (instanceId.Length == 0)
        {
            await Text(context, 404, $"No instance {segments[0]} in the lab; the metadata endpoint is {Prefix}/INSTANCE-ID.");
            return;
        }

        if (path == "api/token")
        {
            await IssueTokenAsync(context, tokens, instanceId);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD, PUT";
            await Text(context, 405, "Method Not Allowed");
            return;
        }

        if (!tokens.IsValid(context.Request.Headers[TokenHeader].FirstOrDefault(), instanceId))
        {
            await Text(context, 401, "Unauthorized");
            return;
        }

        var answer = ImdsMetadata.Read(state, instanceId, path, trailingSlash);
        if (answer.Changed)
        {
            await state.CommitAsync();
        }

        if (answer.Body is null)
        {
            await Text(context, 404, "Not Found");
            return;
        }

        await Text(context, 200, answer.Body, answer.IsJson ? "application/json" : "text/plain");
    }

    private static Task IssueTokenAsync(HttpContext context, ImdsTokens tokens, string instanceId)
    {
        if (!HttpMethods.IsPut(context.Request.Method))
        {
            context.Response.Headers.Allow = "PUT";
            return Text(context, 405, "Method Not Allowed");
        }

        // IMDS refuses token requests that went through a proxy (an X-Forwarded-For header), so a misconfigured
        // proxy on the instance cannot hand tokens to others (EC2 User Guide, "How IMDSv2 works").
        if (context.Request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return Text(context, 403, "Forbidden");
        }

        var ttlText = context.Request.Headers[TtlHeader].FirstOrDefault();
        if (!int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > ImdsTokens.MaxTtlSeconds)
        {
            return Text(context, 400, "Bad Request");
        }

        context.Response.Headers[TtlHeader] = ttl.ToString(CultureInfo.InvariantCulture);
        return Text(context, 200, tokens.Issue(instanceId, ttl));
    }

    private static Task Text(HttpContext context, int status, string body, string contentType = "text/plain")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(body, context.RequestAborted);
    }
}
