using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace IamLab.Client;

/// <summary>
/// A small typed client for the IAM Query API (version 2010-05-08), signing with SigV4. The AWS SDK's IAM package
/// cannot be restored in this build environment; this client serves the tests, the CLI and the notebooks against
/// the lab endpoint or LocalStack. Errors come back as <see cref="IamQueryClientException"/> with AWS's code.
/// </summary>
public sealed partial class IamQueryClient : IDisposable
{
    /// <summary>The IAM API version.</summary>
    public const string ApiVersion = "2010-05-08";

    private readonly Uri _endpoint;
    private readonly string _accessKeyId;
    private readonly string _secretAccessKey;
    private readonly string? _sessionToken;
    private readonly string _region;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;

    /// <summary>Creates a client.</summary>
    /// <param name="endpoint">The endpoint, e.g. <c>http://127.0.0.1:4566</c>.</param>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or null.</param>
    /// <param name="region">The region of the signature's scope; IAM is global, <c>us-east-1</c> by default.</param>
    /// <param name="httpClient">The HTTP client to use, or null to make one (disposed with this client).</param>
    /// <param name="time">The signing clock; the system clock by default.</param>
    public IamQueryClient(Uri endpoint, string accessKeyId, string secretAccessKey, string? sessionToken = null, string region = "us-east-1",
        HttpClient? httpClient = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        _endpoint = endpoint;
        _accessKeyId = accessKeyId;
        _secretAccessKey = secretAccessKey;
        _sessionToken = sessionToken;
        _region = region;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Sends one action and returns its <c>{Action}Result</c> element (or the response element when there is none).</summary>
    /// <param name="action">The action, e.g. <c>CreateRole</c>.</param>
    /// <param name="parameters">The action's parameters (without Action and Version).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result element.</returns>
    /// <exception cref="IamQueryClientException">IAM answered with an error.</exception>
    public async Task<XElement> SendAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(parameters);
        var all = new List<KeyValuePair<string, string>> { KeyValuePair.Create("Action", action), KeyValuePair.Create("Version", ApiVersion) };
        all.AddRange(parameters);
        using var request = QueryRequestSigner.Sign(_endpoint, "iam", _region, QueryRequestSigner.Form(all),
            _accessKeyId, _secretAccessKey, _sessionToken, _time.GetUtcNow());
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        XElement root;
        try
        {
            root = XDocument.Parse(text).Root!;
        }
        catch (XmlException)
        {
            throw new IamQueryClientException("Unknown", $"HTTP {status} with a body that is not XML: {Truncate(text)}", status >= 500 ? "Receiver" : "Sender", status, string.Empty);
        }

        if (root.Name.LocalName == "ErrorResponse" || status >= 300)
        {
            var error = Child(root, "Error") ?? root;
            throw new IamQueryClientException(
                Text(error, "Code") ?? "Unknown",
                Text(error, "Message") ?? $"HTTP {status}",
                Text(error, "Type") ?? (status >= 500 ? "Receiver" : "Sender"),
                status,
                Text(root, "RequestId") ?? string.Empty);
        }

        return Child(root, action + "Result") ?? root;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    internal static string? Text(XElement element, string name) => Child(element, name)?.Value;

    internal static IEnumerable<XElement> Members(XElement element, string list) =>
        Child(element, list)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    internal static IamQueryClientRole ReadRole(XElement role) => new(
        Text(role, "RoleName") ?? string.Empty,
        Text(role, "RoleId") ?? string.Empty,
        Text(role, "Arn") ?? string.Empty,
        Text(role, "Path") ?? "/",
        Uri.UnescapeDataString(Text(role, "AssumeRolePolicyDocument") ?? string.Empty),
        int.Parse(Text(role, "MaxSessionDuration") ?? "3600", CultureInfo.InvariantCulture),
        Text(role, "Description"));

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static KeyValuePair<string, string> P(string name, string value) => KeyValuePair.Create(name, value);
}
