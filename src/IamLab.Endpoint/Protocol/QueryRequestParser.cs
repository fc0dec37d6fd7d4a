using System.Text;

namespace IamLab.Endpoint.Protocol;

/// <summary>
/// Reads AWS Query protocol requests from the URL query (GET) and a form-encoded body (POST), with a body size limit.
/// Errors are values: <c>MissingAction</c>, <c>InvalidAction</c>, <c>MalformedQueryString</c>, <c>RequestEntityTooLarge</c>.
/// </summary>
public static class QueryRequestParser
{
    /// <summary>The default body limit: 256 KiB, well above the largest IAM policy document.</summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses the request from its URL query and form body.</summary>
    /// <param name="rawQuery">The URL query string as sent (with or without <c>?</c>), or null.</param>
    /// <param name="formBody">The form-encoded body, or null.</param>
    /// <param name="actions">The actions the service supports, or null to accept any.</param>
    /// <param name="version">The API version the service speaks (e.g. <c>2011-06-15</c>), or null to accept any.</param>
    /// <returns>The request or the error.</returns>
    public static QueryParseResult Parse(string? rawQuery, string? formBody, IReadOnlySet<string>? actions = null, string? version = null)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { rawQuery, formBody })
        {
            var (pairs, error) = FormDecoding.Split(source);
            if (error is not null)
            {
                return QueryParseResult.Failure(QueryErrors.MalformedQueryString(error));
            }

            foreach (var (name, value) in pairs)
            {
                if (!parameters.TryAdd(name, value))
                {
                    return QueryParseResult.Failure(QueryErrors.MalformedQueryString($"Parameter '{name}' appears more than once."));
                }
            }
        }

        var action = parameters.GetValueOrDefault("Action");
        var requestVersion = parameters.GetValueOrDefault("Version");
        if (string.IsNullOrEmpty(action))
        {
            return QueryParseResult.Failure(QueryErrors.MissingAction());
        }

        if ((actions is not null && !actions.Contains(action)) || (version is not null && requestVersion != version))
        {
            return QueryParseResult.Failure(QueryErrors.InvalidAction(action, requestVersion));
        }

        return QueryParseResult.Success(new QueryRequest(action, requestVersion, parameters));
    }

    /// <summary>Reads the body (up to <paramref name="maxBodyBytes"/>) and parses the request.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentType">The Content-Type; a body that is not <c>application/x-www-form-urlencoded</c> is ignored.</param>
    /// <param name="rawQuery">The URL query string as sent, or null.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <param name="actions">The actions the service supports, or null to accept any.</param>
    /// <param name="version">The API version the service speaks, or null to accept any.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request or the error.</returns>
    public static async Task<QueryParseResult> ReadAsync(
        Stream body,
        string? contentType,
        string? rawQuery,
        int maxBodyBytes = DefaultMaxBodyBytes,
        IReadOnlySet<string>? actions = null,
        string? version = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentType is not null && !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Parse(rawQuery, null, actions, version);
        }

        var buffer = new byte[Math.Min(maxBodyBytes + 1, 64 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            collected.Write(buffer, 0, read);
            if (collected.Length > maxBodyBytes)
            {
                return QueryParseResult.Failure(QueryErrors.RequestEntityTooLarge(maxBodyBytes));
            }
        }

        string form;
        try
        {
            form = StrictUtf8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
        }
        catch (DecoderFallbackException)
        {
            return QueryParseResult.Failure(QueryErrors.MalformedQueryString("The request body is not valid UTF-8."));
        }

        return Parse(rawQuery, form, actions, version);
    }
}
