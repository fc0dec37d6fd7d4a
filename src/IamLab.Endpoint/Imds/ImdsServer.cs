using System.Globalization;
using IamLab.Endpoint.Hosting;
using IamLab.World.Compute;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// Answers one instance's metadata request (<c>/latest/…</c> below wherever the instance's service is mounted): the
/// IMDSv2 token (<c>PUT /latest/api/token</c>) and the reads, under the instance's metadata options as
/// <see cref="MetadataAccess"/> decides them. Shared by the <c>/_imds/ID</c> routes and the per-instance listeners.
/// </summary>
internal static class ImdsServer
{
    /// <summary>Serves <paramref name="segments"/> (the path after the mount point, split on '/', empty parts dropped) for <paramref name="instanceId"/>.</summary>
    public static async Task ServeAsync(HttpContext context, EndpointState state, ImdsTokens tokens, string instanceId, IReadOnlyList<string> segments, bool trailingSlash)
    {
        var asked = instanceId;
        InstanceMetadataOptions options;
        lock (state.WorldGate)
        {
            if (!state.World.Compute.Instances.TryGetValue(instanceId, out var instance))
            {
                options = new InstanceMetadataOptions();
                instanceId = string.Empty;
            }
            else
            {
                options = instance.MetadataOptions.Clone();
            }
        }

        if (instanceId.Length == 0)
        {
            await Text(context, 404, $"No instance {asked} in the lab; the metadata endpoint is {ImdsRoutes.Prefix}/INSTANCE-ID.");
            return;
        }

        if (segments.Count < 1 || segments[0] != "latest")
        {
            await Text(context, 404, "Not Found");
            return;
        }

        var path = string.Join('/', segments.Skip(1));
        if (path == "api/token")
        {
            await IssueTokenAsync(context, tokens, instanceId, options);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD, PUT";
            await Text(context, 405, "Method Not Allowed");
            return;
        }

        var header = context.Request.Headers[ImdsRoutes.TokenHeader];
        var token = header.Count == 0 ? MetadataToken.None
            : tokens.IsValid(header.FirstOrDefault(), instanceId) ? MetadataToken.Valid : MetadataToken.Invalid;
        var verdict = MetadataAccess.Decide(options, new MetadataRequest(false, token));
        if (verdict != MetadataVerdict.Served)
        {
            await Refuse(context, verdict);
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

    private static Task IssueTokenAsync(HttpContext context, ImdsTokens tokens, string instanceId, InstanceMetadataOptions options)
    {
        if (!HttpMethods.IsPut(context.Request.Method))
        {
            context.Response.Headers.Allow = "PUT";
            return Text(context, 405, "Method Not Allowed");
        }

        // Every caller of the lab's metadata service is on this machine: one hop, as a process on the instance.
        // IMDS refuses token requests that went through a proxy (an X-Forwarded-For header), so a misconfigured proxy on
        // the instance cannot hand tokens to others (EC2 User Guide, "How Instance Metadata Service Version 2 works").
        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For");
        var verdict = MetadataAccess.Decide(options, new MetadataRequest(true, Forwarded: forwarded));
        if (verdict != MetadataVerdict.Served)
        {
            return Refuse(context, verdict);
        }

        var ttlText = context.Request.Headers[ImdsRoutes.TtlHeader].FirstOrDefault();
        if (!int.TryParse(ttlText, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > ImdsTokens.MaxTtlSeconds)
        {
            return Text(context, 400, "Bad Request");
        }

        context.Response.Headers[ImdsRoutes.TtlHeader] = ttl.ToString(CultureInfo.InvariantCulture);
        return Text(context, 200, tokens.Issue(instanceId, ttl));
    }

    private static Task Refuse(HttpContext context, MetadataVerdict verdict) => verdict switch
    {
        MetadataVerdict.Unauthorized => Text(context, 401, "Unauthorized"),
        MetadataVerdict.Forbidden => Text(context, 403, "Forbidden"),
        // Not reachable over loopback (one hop); the grader's steps model the other hops.
        MetadataVerdict.HopLimitExceeded => Text(context, 403, "Forbidden"),
        // On an instance nothing answers; the lab says why rather than letting the client wait for a time-out.
        _ => Text(context, 403, "The instance metadata endpoint of this instance is disabled (HttpEndpoint=disabled)."),
    };

    private static Task Text(HttpContext context, int status, string body, string contentType = "text/plain")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(body, context.RequestAborted);
    }
}
