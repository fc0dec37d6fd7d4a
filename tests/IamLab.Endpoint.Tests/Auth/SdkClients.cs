using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using IamLab.Endpoint.Auth;

using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>Real AWS SDK clients wired to a <see cref="CapturingHandler"/>, and the conversion of what they send.</summary>
internal static class SdkClients
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "session-token-1";
    public const string ServiceUrl = "http://127.0.0.1:4566";

    public static SessionAWSCredentials Credentials { get; } = new(AccessKeyId, Secret, SessionToken);

    public static CapturingHandler OkHandler() => new(_ => CapturingHandler.Xml(HttpStatusCode.OK, "<Empty/>"));

    public static AmazonSecurityTokenServiceClient Sts(CapturingHandler handler, string serviceUrl = ServiceUrl) =>
        new(Credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new CapturingHttpClientFactory(handler),
            MaxErrorRetry = 0,
        });

    public static AmazonS3Client S3(CapturingHandler handler, string serviceUrl = ServiceUrl) =>
        new(Credentials, new AmazonS3Config
        {
            ServiceURL = serviceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new CapturingHttpClientFactory(handler),
            MaxErrorRetry = 0,
        });

    public static AmazonEC2Client Ec2(CapturingHandler handler) =>
        new(Credentials, new AmazonEC2Config
        {
            ServiceURL = ServiceUrl,
            AuthenticationRegion = "us-east-1",
            HttpClientFactory = new CapturingHttpClientFactory(handler),
            MaxErrorRetry = 0,
        });

    /// <summary>The captured request as the endpoint would model it: raw path, decoded query, headers, body hash.</summary>
    public static SignedRequest ToSignedRequest(this CapturedRequest request, bool hashBody = true) =>
        hashBody
            ? SignedRequest.WithBody(request.Method, request.Uri.AbsolutePath, SignedRequest.ParseQueryString(request.Uri.Query), request.Headers, request.Body)
            : new SignedRequest(request.Method, request.Uri.AbsolutePath, SignedRequest.ParseQueryString(request.Uri.Query), request.Headers, null);

    /// <summary>A presigned URL as the endpoint sees it when a browser or curl fetches it.</summary>
    public static SignedRequest PresignedGet(string url, params (string Name, string Value)[] extraHeaders)
    {
        var uri = new Uri(url);
        var headers = new List<KeyValuePair<string, string>> { KeyValuePair.Create("Host", $"{uri.Host}:{uri.Port}") };
        headers.AddRange(extraHeaders.Select(h => KeyValuePair.Create(h.Name, h.Value)));
        return SignedRequest.WithBody("GET", uri.AbsolutePath, SignedRequest.ParseQueryString(uri.Query), headers, []);
    }

    public static DateTimeOffset SigningTime(this CapturedRequest request)
    {
        Assert.True(AwsTimestamp.TryParse(request.Header("X-Amz-Date"), out var time));
        return time;
    }
}
