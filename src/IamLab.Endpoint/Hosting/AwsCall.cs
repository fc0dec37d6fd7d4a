using System.Text;
using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Protocol;
using IamLab.Policy.Evaluation;
using IamLab.World;
using IamLab.World.Iam;
using IamLab.World.Sts;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// One request in flight, as the host hands it to an <see cref="IAwsServiceHandler"/>: the HTTP context, the
/// verified caller, the whole (decoded) body, the request id, and helpers to authorize and to answer.
/// </summary>
public sealed class AwsCall
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The ASP.NET Core context; the handler writes the response here.</summary>
    public required HttpContext Http { get; init; }

    /// <summary>The shared world. Read and change it only while holding <see cref="EndpointState.WorldGate"/>.</summary>
    public required LabWorld World { get; init; }

    /// <summary>The endpoint's state: the world, its lock, and <c>--state</c> persistence.</summary>
    public required EndpointState State { get; init; }

    /// <summary>The verified signer's credentials (session token included), or null when the request is anonymous.</summary>
    public Credentials? Caller { get; init; }

    /// <summary>Who <see cref="Caller"/> is (account, ARN, user or session), or null when anonymous.</summary>
    public CallerIdentity? Identity { get; init; }

    /// <summary>The signature details (scope, signing key for aws-chunked bodies), or null when anonymous.</summary>
    public SigV4Identity? Signer { get; init; }

    /// <summary>The request id, already written in <c>x-amzn-RequestId</c> and <c>x-amz-request-id</c>; put it in bodies.</summary>
    public required string RequestId { get; init; }

    /// <summary>The region of the signature's scope, or the world's region for anonymous requests.</summary>
    public required string Region { get; init; }

    /// <summary>The whole body, aws-chunked already decoded and its chunk signatures verified.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The client's IP address, for <c>aws:SourceIp</c>.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The error format of the handler the request was routed to.</summary>
    public required AwsErrorFormat ErrorFormat { get; init; }

    /// <summary>
    /// Authorizes <paramref name="action"/> on <paramref name="resource"/> for the caller with the engine and the
    /// caller's whole policy stack (an anonymous caller is weighed against resource policies only), filling
    /// <c>aws:SourceIp</c>, <c>aws:SecureTransport</c>, <c>aws:RequestedRegion</c> (the world adds
    /// <c>aws:CurrentTime</c> and the principal's keys). Takes <see cref="EndpointState.WorldGate"/> itself.
    /// </summary>
    /// <param name="action">The action, e.g. <c>s3:GetObject</c>.</param>
    /// <param name="resource">The resource ARN.</param>
    /// <param name="extraContext">Service-specific condition keys (e.g. <c>s3:prefix</c>), or null.</param>
    /// <param name="resourceAccount">The resource's account when the world cannot derive it from the ARN, or null.</param>
    /// <returns>Null when allowed; else the AccessDenied error (AWS's message naming principal, action, resource and policy kind).</returns>
    public AwsError? Authorize(string action, string resource, IReadOnlyDictionary<string, IReadOnlyList<string>>? extraContext = null, string? resourceAccount = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        var context = RequestContext();
        if (resourceAccount is not null)
        {
            context.Set("aws:ResourceAccount", resourceAccount);
        }

        foreach (var (key, values) in extraContext ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            context.Set(key, [.. values]);
        }

        lock (State.WorldGate)
        {
            if (Caller is null)
            {
                var anonymous = World.AuthorizeAnonymous(action, resource, context);
                return anonymous.IsAllowed ? null : new AwsError("AccessDenied", anonymous.DenialMessage!, 403);
            }

            var check = World.Authorize(Caller, action, resource, context, trace: false);
            if (!check.IsSuccess)
            {
                return check.Error!.ToAwsError();
            }

            if (check.Value.Result.Reason == DenyReason.ProtectedResource && resource.Contains(":role/", StringComparison.Ordinal))
            {
                // A service-linked or IAM Identity Center role: AWS answers the caller it would authorize with
                // UnmodifiableEntity ("this role is only modifiable by AWS"), not AccessDenied.
                return IamErrors.ProtectedRole(resource[(resource.LastIndexOf('/') + 1)..]).ToAwsError();
            }

            return check.Value.IsAllowed ? null : new AwsError("AccessDenied", check.Value.DenialMessage!, 403);
        }
    }

    /// <summary>The request facts every authorization carries: source IP, transport, requested region.</summary>
    /// <returns>A fresh context the caller may add to.</returns>
    public RequestContext RequestContext()
    {
        var context = new RequestContext();
        if (SourceIp is not null)
        {
            context.Set("aws:SourceIp", SourceIp);
        }

        context.Set("aws:SecureTransport", Http.Request.IsHttps ? "true" : "false");
        context.Set("aws:RequestedRegion", Region);
        return context;
    }

    /// <summary>
    /// Reads the Query protocol request from the URL query and the form body (when the Content-Type is
    /// <c>application/x-www-form-urlencoded</c> or absent).
    /// </summary>
    /// <param name="actions">The actions the service supports, or null to accept any.</param>
    /// <param name="version">The API version the service speaks, or null to accept any.</param>
    /// <returns>The request or the AWS error (<c>MissingAction</c>, <c>InvalidAction</c>, <c>MalformedQueryString</c>).</returns>
    public QueryParseResult ReadQuery(IReadOnlySet<string>? actions, string? version)
    {
        var contentType = Http.Request.ContentType;
        string? form = null;
        if (contentType is null || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                form = StrictUtf8.GetString(Body.Span);
            }
            catch (DecoderFallbackException)
            {
                return QueryParseResult.Failure(QueryErrors.MalformedQueryString("The request body is not valid UTF-8."));
            }
        }

        // The raw query the signature covered (RequestTarget), decoded by the same rules.
        return QueryRequestParser.Parse(RequestTarget.Of(Http.Request).Query, form, actions, version);
    }

    /// <summary>Writes an XML document with the given status.</summary>
    /// <param name="xml">The document.</param>
    /// <param name="statusCode">The HTTP status; 200 by default.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public Task WriteXmlAsync(string xml, int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(xml);
        Http.Response.StatusCode = statusCode;
        Http.Response.ContentType = "text/xml";
        return Http.Response.WriteAsync(xml, Http.RequestAborted);
    }

    /// <summary>Writes <paramref name="error"/> in this service's <see cref="ErrorFormat"/> with its HTTP status.</summary>
    /// <param name="error">The error.</param>
    /// <param name="resource">For S3, the bucket or object path; ignored by the other formats.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public Task WriteErrorAsync(AwsError error, string? resource = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        WrittenError = error;
        Http.Response.StatusCode = error.StatusCode;
        Http.Response.ContentType = ErrorFormat.ContentType;
        return Http.Response.WriteAsync(ErrorFormat.Write(error, resource, RequestId), Http.RequestAborted);
    }

    /// <summary>
    /// For a REST service (S3), the operation the handler routed the request to and its bucket and key, for the event
    /// log; null for the Query services, whose operation is the request's <c>Action</c>.
    /// </summary>
    public (string Name, string? Bucket, string? Key)? Operation { get; set; }

    /// <summary>The error this call answered with, or null (so far) for a success; the event log records it.</summary>
    public AwsError? WrittenError { get; private set; }
}
