using System.Security.Cryptography;
using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Protocol;
using IamLab.World.Sts;
using Microsoft.AspNetCore.Http;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// The steps every AWS request goes through before its service handler: request id, routing by signing name,
/// body limits, SigV4 verification, aws-chunked decoding, credential resolution; and the last-resort error.
/// </summary>
internal sealed class RequestPipeline
{
    // Room for aws-chunked framing on top of the decoded limit: chunk headers and signatures, and the trailer.
    private const int ChunkFramingAllowance = 64 * 1024;

    private static readonly AwsErrorFormat Fallback = AwsErrorFormat.Query(AwsXmlNamespaces.Sts);

    private readonly EndpointState _state;
    private readonly IReadOnlyList<IAwsServiceHandler> _handlers;
    private readonly Dictionary<string, IAwsServiceHandler> _byName;
    private readonly LabEndpointOptions _options;
    private readonly SigV4Verifier _verifier;
    private readonly EndpointSwitches _switches;

    public RequestPipeline(EndpointState state, IReadOnlyList<IAwsServiceHandler> handlers, LabEndpointOptions options, EndpointSwitches switches)
    {
        _switches = switches;
        _state = state;
        _handlers = handlers;
        _byName = handlers.ToDictionary(h => h.SigningName, StringComparer.Ordinal);
        _options = options;
        _verifier = new SigV4Verifier(SecretOf, state.World.Time);
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        var headers = http.Response.Headers;
        headers["x-amzn-RequestId"] = requestId;
        headers["x-amz-request-id"] = requestId;
        headers["x-amz-id-2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var format = Fallback;
        try
        {
            await RunAsync(http, requestId, f => format = f).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away or the server is stopping: nobody is left to answer.
        }
        catch (BadHttpRequestException) when (!http.Response.HasStarted)
        {
            // Kestrel refused the body (e.g. over its own size limit or cut short): answer as AWS would for a too-large body.
            await Write(http, format, requestId, HostErrors.TooLarge(format.IsS3, _options.MaxS3BodyBytes), null).ConfigureAwait(false);
        }
        catch (IamLab.World.State.StoreUnavailableException e) when (!http.Response.HasStarted)
        {
            await Write(http, format, requestId, HostErrors.StoreUnavailable(format.IsS3, e), null).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last resort: a bug in a handler must not take the endpoint down or leave the client hanging.
        catch (Exception) when (!http.Response.HasStarted)
        {
            await Write(http, format, requestId, HostErrors.Internal(format.IsS3), null).ConfigureAwait(false);
        }
        catch (Exception)
        {
            http.Abort();
        }
#pragma warning restore CA1031
    }

    private async Task RunAsync(HttpContext http, string requestId, Action<AwsErrorFormat> useFormat)
    {
        var request = http.Request;
        var aborted = http.RequestAborted;
        var signed = SigningName.IsSigned(request);
        var service = SigningName.Of(request);
        var handler = service is null ? null : _byName.GetValueOrDefault(service);
        if (service is not null && handler is null)
        {
            await Write(http, Fallback, requestId, HostErrors.UnknownService(service, _byName.Keys.Order(StringComparer.Ordinal)), null).ConfigureAwait(false);
            return;
        }

        var s3Sized = handler?.ErrorFormat.IsS3 ?? !IsForm(request);
        var limit = s3Sized ? _options.MaxS3BodyBytes : _options.MaxQueryBodyBytes;
        var declaredHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        // Only S3 takes aws-chunked bodies; for the Query services the signature covers the body's own hash.
        var streaming = s3Sized && ContentSha256.IsStreaming(declaredHash);
        var rawLimit = streaming ? (long)limit + (limit / 64) + ChunkFramingAllowance : limit;
        if (!signed)
        {
            await RunAnonymousAsync(http, requestId, handler, s3Sized, streaming, Math.Min(rawLimit, _options.MaxUnsignedBodyBytes), useFormat).ConfigureAwait(false);
            return;
        }

        var format = handler?.ErrorFormat ?? Fallback;
        useFormat(format);

        // INVARIANT: nothing of the body is read before the headers are verified. A hash the client declared is
        // verified with the signature first and compared with the body after; a Query request that declares none
        // (boto3, the AWS CLI) gets every other check first, then its body (at most MaxQueryBodyBytes) is hashed.
        var declaredUsable = handler?.ErrorFormat.IsS3 == true ? ContentSha256.IsValid(declaredHash) : ContentSha256.IsHexHash(declaredHash);
        SigV4Result verified;
        byte[]? raw = null;
        if (handler is null)
        {
            // Signed, but no service could be read from the credential: report what is wrong with it.
            verified = SigV4Result.Failed(_verifier.Precheck(HttpSignedRequest.From(request, null)) ?? SigV4Errors.MissingAuthenticationToken());
        }
        else if (declaredUsable)
        {
            verified = _verifier.Verify(HttpSignedRequest.From(request, null));
        }
        else if (_verifier.Precheck(HttpSignedRequest.From(request, null)) is { } early)
        {
            verified = SigV4Result.Failed(early);
        }
        else
        {
            raw = await RequestBody.ReadAsync(request, rawLimit, aborted).ConfigureAwait(false);
            if (raw is null)
            {
                await Write(http, format, requestId, HostErrors.TooLarge(format.IsS3, limit), null).ConfigureAwait(false);
                return;
            }

            verified = _verifier.Verify(HttpSignedRequest.From(request, Convert.ToHexStringLower(SHA256.HashData(raw))));
        }

        if (!verified.IsVerified || handler is null)
        {
            await Write(http, format, requestId, verified.Error ?? SigV4Errors.MissingAuthenticationToken(), null).ConfigureAwait(false);
            return;
        }

        if (raw is null)
        {
            raw = await RequestBody.ReadAsync(request, rawLimit, aborted).ConfigureAwait(false);
            if (raw is null)
            {
                await Write(http, format, requestId, HostErrors.TooLarge(format.IsS3, limit), null).ConfigureAwait(false);
                return;
            }

            if (ContentSha256.IsHexHash(declaredHash))
            {
                var actual = Convert.ToHexStringLower(SHA256.HashData(raw));
                if (!string.Equals(actual, declaredHash, StringComparison.OrdinalIgnoreCase))
                {
                    var mismatch = format.IsS3 ? SigV4Errors.ContentSha256Mismatch(declaredHash, actual) : SigV4Errors.SignatureDoesNotMatch(false);
                    await Write(http, format, requestId, mismatch, null).ConfigureAwait(false);
                    return;
                }
            }
        }

        var signer = verified.Identity;
        var decoded = streaming ? await Decode(request, raw, signer, limit, aborted).ConfigureAwait(false) : (raw, null);
        if (decoded.Error is not null)
        {
            await Write(http, format, requestId, decoded.Error, null).ConfigureAwait(false);
            return;
        }

        var (credentials, identity, error) = await ResolveAsync(signer, format.IsS3).ConfigureAwait(false);
        if (error is not null)
        {
            await Write(http, format, requestId, error, null).ConfigureAwait(false);
            return;
        }

        var call = NewCall(http, requestId, decoded.Bytes!, format, credentials, identity, signer);
        await CallRecording.RunAsync(call, handler, aborted).ConfigureAwait(false);
    }

    // A request without a signature: its body is capped lower (nobody vouches for it), then a handler claims it.
    private async Task RunAnonymousAsync(HttpContext http, string requestId, IAwsServiceHandler? handler, bool s3Sized, bool streaming, long cap,
        Action<AwsErrorFormat> useFormat)
    {
        var request = http.Request;
        var aborted = http.RequestAborted;
        var raw = await RequestBody.ReadAsync(request, cap, aborted).ConfigureAwait(false);
        if (raw is null)
        {
            var tooLargeFormat = handler?.ErrorFormat ?? (s3Sized ? AwsErrorFormat.S3 : Fallback);
            await Write(http, tooLargeFormat, requestId, HostErrors.TooLarge(tooLargeFormat.IsS3, (int)Math.Min(cap, int.MaxValue)), null).ConfigureAwait(false);
            return;
        }

        if (handler is null)
        {
            var probe = NewCall(http, requestId, raw, Fallback, null, null, null);
            handler = _handlers.FirstOrDefault(h => h.ClaimsAnonymous(probe));
        }

        var format = handler?.ErrorFormat ?? Fallback;
        useFormat(format);
        if (handler is null)
        {
            await Write(http, format, requestId, SigV4Errors.MissingAuthenticationToken(), null).ConfigureAwait(false);
            return;
        }

        var body = streaming ? await Decode(request, raw, null, (int)Math.Min(cap, int.MaxValue), aborted).ConfigureAwait(false) : (raw, null);
        if (body.Error is not null)
        {
            await Write(http, format, requestId, body.Error, null).ConfigureAwait(false);
            return;
        }

        await CallRecording.RunAsync(NewCall(http, requestId, body.Bytes!, format, null, null, null), handler, aborted).ConfigureAwait(false);
    }

    private async Task<(Credentials? Credentials, CallerIdentity? Identity, AwsError? Error)> ResolveAsync(SigV4Identity signer, bool s3)
    {
        var key = signer.AccessKeyId;
        var created = false;
        Credentials credentials;
        World.Errors.IamResult<CallerIdentity> resolved;
        lock (_state.WorldGate)
        {
            var world = _state.World;
            if (_switches.RootConvention && RootCredentials.IsRootKey(key) && !world.Accounts.ContainsKey(key))
            {
                var made = world.CreateAccount(key);
                if (!made.IsSuccess && made.Error!.Code == "LimitExceeded")
                {
                    // The lab's limit on accounts (WorldLimits.MaxAccounts): say so rather than "unknown key".
                    return (null, null, made.Error.ToAwsError());
                }

                created = made.IsSuccess;
            }

            if (signer.SessionToken is null && world.Sts.Sessions.ContainsKey(key))
            {
                // A temporary key used without its session token.
                return (null, null, HostErrors.InvalidToken(s3));
            }

            credentials = new Credentials(key, SecretOf(key) ?? string.Empty, signer.SessionToken);
            resolved = world.Sts.Resolve(credentials);
        }

        if (created)
        {
            await _state.CommitAsync().ConfigureAwait(false);
        }

        if (resolved.IsSuccess)
        {
            return (credentials, resolved.Value, null);
        }

        return resolved.Error!.Code == "ExpiredToken"
            ? (null, null, HostErrors.ExpiredToken(s3))
            : (null, null, signer.SessionToken is null ? SigV4Errors.UnknownAccessKey(s3) : HostErrors.InvalidToken(s3));
    }

    private static async Task<(byte[]? Bytes, AwsError? Error)> Decode(HttpRequest request, byte[] raw, SigV4Identity? signer, int limit, CancellationToken cancellationToken)
    {
        var signedRequest = HttpSignedRequest.From(request, null);
        var decoder = new AwsChunkedDecoder(AwsChunkedOptions.FromRequest(signedRequest, signer));
        using var destination = new MemoryStream();
        using var source = new MemoryStream(raw, writable: false);
        var result = await decoder.DecodeAsync(source, destination, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return (null, result.Error);
        }

        return destination.Length > limit ? (null, HostErrors.TooLarge(true, limit)) : (destination.ToArray(), null);
    }

    private AwsCall NewCall(HttpContext http, string requestId, byte[] body, AwsErrorFormat format, Credentials? caller, CallerIdentity? identity, SigV4Identity? signer)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true })
        {
            remote = remote.MapToIPv4();
        }

        return new AwsCall
        {
            Http = http,
            World = _state.World,
            State = _state,
            Caller = caller,
            Identity = identity,
            Signer = signer,
            RequestId = requestId,
            Region = signer?.Region ?? _state.World.Region,
            Body = body,
            SourceIp = remote?.ToString(),
            ErrorFormat = format,
        };
    }

    private string? SecretOf(string accessKeyId)
    {
        if (RootCredentials.IsRootKey(accessKeyId))
        {
            // Off (a remote endpoint), a root key is unknown: its secret is public.
            return _switches.RootConvention ? RootCredentials.Secret : null;
        }

        lock (_state.WorldGate)
        {
            return _state.World.Sts.SecretOf(accessKeyId);
        }
    }

    private static bool IsForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        || (request.Method == HttpMethods.Get && request.Query.ContainsKey("Action"));

    private static async Task Write(HttpContext http, AwsErrorFormat format, string requestId, AwsError error, string? resource)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = "text/xml";
        if (http.Request.Method == HttpMethods.Head)
        {
            return;
        }

        await http.Response.WriteAsync(format.Write(error, resource, requestId), http.RequestAborted).ConfigureAwait(false);
    }
}
