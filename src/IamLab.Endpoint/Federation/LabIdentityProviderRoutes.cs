using System.Text;
using System.Text.Json;
using IamLab.Endpoint.Hosting;
using IamLab.World.Federation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IamLab.Endpoint.Federation;

/// <summary>
/// The lab's identity providers over HTTP, under <c>/_lab/</c>, so the federation flows run end to end with the SDK:
/// <list type="bullet">
/// <item><c>GET /_lab/saml/metadata</c>: the SAML IdP's metadata, to register with IAM CreateSAMLProvider.</item>
/// <item><c>POST /_lab/saml/response</c>: a signed, base64 SAML response for a user and role/provider pairs
/// (<c>{"SAMLResponse": "…"}</c>), the <c>SAMLAssertion</c> of AssumeRoleWithSAML.</item>
/// <item><c>GET|POST /_lab/oidc/token</c>: a GitHub Actions-shaped OIDC token (<c>{"value": "…"}</c>, as GitHub's
/// token endpoint answers), the <c>WebIdentityToken</c> of AssumeRoleWithWebIdentity.</item>
/// <item><c>GET /_lab/oidc/.well-known/openid-configuration</c> and <c>/_lab/oidc/.well-known/jwks</c>: discovery and keys.</item>
/// <item><c>GET /_lab/oidc/thumbprint</c>: the certificate thumbprint for CreateOpenIDConnectProvider.</item>
/// </list>
/// The keys belong to the world (saved with <c>--state</c>), so providers registered in IAM keep working after a restart.
/// </summary>
public static class LabIdentityProviderRoutes
{
    /// <summary>The largest request body the routes read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, MaxDepth = 16 };

    /// <summary>Maps the routes.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="state">The endpoint's state.</param>
    /// <param name="mint">False when the endpoint is reachable from the network: then the two minting routes answer 403.</param>
    public static void Map(IEndpointRouteBuilder routes, EndpointState state, bool mint = true)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(state);
        routes.MapGet("/_lab/saml/metadata", context => SamlMetadataAsync(context, state));
        routes.MapPost("/_lab/saml/response", context => mint ? SamlResponseAsync(context, state) : MintingOffAsync(context));
        routes.MapMethods("/_lab/oidc/token", ["GET", "POST"], context => mint ? OidcTokenAsync(context, state) : MintingOffAsync(context));
        routes.MapGet("/_lab/oidc/.well-known/openid-configuration", context => DiscoveryAsync(context, state));
        routes.MapGet("/_lab/oidc/.well-known/jwks", context => JwksAsync(context, state));
        routes.MapGet("/_lab/oidc/thumbprint", context => ThumbprintAsync(context, state));
    }

    private static Task MintingOffAsync(HttpContext context) =>
        ErrorAsync(context, new LabRouteError(403, "MintingOff",
            "The lab's identity providers mint tokens only on loopback: the endpoint listens on the network (--allow-remote). Start it with --lab-tokens to mint anyway."));

    private static async Task SamlMetadataAsync(HttpContext context, EndpointState state)
    {
        string metadata;
        lock (state.WorldGate)
        {
            metadata = state.World.Federation.SamlIdentityProvider.GetMetadataXml();
        }

        await WriteAsync(context, 200, "application/samlmetadata+xml", metadata);
    }

    private static async Task SamlResponseAsync(HttpContext context, EndpointState state)
    {
        var (request, error) = await ReadJsonAsync<SamlResponseRequest>(context);
        if (request is null)
        {
            await ErrorAsync(context, error!);
            return;
        }

        var problem = LabTokenRequestChecks.Check(request, out var user, out var options);
        if (problem is not null)
        {
            await ErrorAsync(context, problem);
            return;
        }

        string response;
        lock (state.WorldGate)
        {
            response = state.World.Federation.IssueSamlResponse(user!, options);
        }

        await WriteJsonAsync(context, writer => writer.WriteString("SAMLResponse", response));
    }

    private static async Task OidcTokenAsync(HttpContext context, EndpointState state)
    {
        OidcTokenRequest? request;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var query = context.Request.Query;
            request = new OidcTokenRequest
            {
                Repository = query["repository"].FirstOrDefault(),
                Ref = query["ref"].FirstOrDefault(),
                Environment = query["environment"].FirstOrDefault(),
                EventName = query["event_name"].FirstOrDefault(),
                Actor = query["actor"].FirstOrDefault(),
                Audience = query["audience"].FirstOrDefault(),
            };
        }
        else
        {
            (request, var error) = await ReadJsonAsync<OidcTokenRequest>(context);
            if (request is null)
            {
                await ErrorAsync(context, error!);
                return;
            }
        }

        var problem = LabTokenRequestChecks.Check(request, out var claims, out var options);
        if (problem is not null)
        {
            await ErrorAsync(context, problem);
            return;
        }

        string token;
        lock (state.WorldGate)
        {
            token = state.World.Federation.IssueGitHubToken(claims!, options);
        }

        await WriteJsonAsync(context, writer => writer.WriteString("value", token));
    }

    private static async Task DiscoveryAsync(HttpContext context, EndpointState state)
    {
        string issuer;
        lock (state.WorldGate)
        {
            issuer = state.World.Federation.GitHubIssuer.Issuer;
        }

        var jwksUri = $"{context.Request.Scheme}://{context.Request.Host}/_lab/oidc/.well-known/jwks";
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteString("issuer", issuer);
            writer.WriteString("jwks_uri", jwksUri);
            Strings(writer, "subject_types_supported", "public", "pairwise");
            Strings(writer, "response_types_supported", "id_token");
            Strings(writer, "claims_supported", "sub", "aud", "exp", "iat", "iss", "jti", "nbf", "ref", "repository", "repository_id",
                "repository_owner", "repository_owner_id", "run_id", "run_number", "run_attempt", "actor", "actor_id", "workflow",
                "workflow_ref", "event_name", "ref_type", "environment", "job_workflow_ref", "runner_environment");
            Strings(writer, "id_token_signing_alg_values_supported", "RS256");
            Strings(writer, "scopes_supported", "openid");
        });
    }

    private static async Task JwksAsync(HttpContext context, EndpointState state)
    {
        string jwks;
        lock (state.WorldGate)
        {
            jwks = state.World.Federation.GitHubIssuer.GetJwksJson();
        }

        await WriteAsync(context, 200, "application/json", jwks);
    }

    private static async Task ThumbprintAsync(HttpContext context, EndpointState state)
    {
        string thumbprint;
        string issuer;
        lock (state.WorldGate)
        {
            thumbprint = state.World.Federation.GitHubIssuer.Thumbprint;
            issuer = state.World.Federation.GitHubIssuer.Issuer;
        }

        await WriteJsonAsync(context, writer =>
        {
            writer.WriteString("url", issuer);
            writer.WriteString("thumbprint", thumbprint);
            Strings(writer, "clientIds", OidcTokenOptions.StsAudience);
        });
    }

    private static async Task<(T? Value, LabRouteError? Error)> ReadJsonAsync<T>(HttpContext context)
        where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, new LabRouteError(413, "RequestEntityTooLarge", $"The request body exceeds {MaxBodyBytes} bytes."));
            }
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return value is null ? (null, new LabRouteError(400, "InvalidRequestBody", "The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            return (null, new LabRouteError(400, "InvalidRequestBody", $"The request body is not the expected JSON{where}."));
        }
    }

    private static Task ErrorAsync(HttpContext context, LabRouteError error) =>
        WriteJsonAsync(context, writer =>
        {
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
        }, error.Status);

    private static Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> members, int status = 200)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return WriteAsync(context, status, "application/json", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static void Strings(Utf8JsonWriter writer, string name, params string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
