using IamLab.Endpoint.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

public class HttpSignedRequestTests
{
    private static HttpRequest Request(CapturedRequest captured, string? rawTarget)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = captured.Method;
        context.Request.Path = PathString.FromUriComponent(captured.Uri.AbsolutePath);
        context.Request.QueryString = new QueryString(captured.Uri.Query);
        foreach (var group in captured.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            context.Request.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        }

        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget!;
        return context.Request;
    }

    [Fact]
    public async Task From_AspNetRequestWithRawTarget_KeepsTheClientsEscapingAndVerifies()
    {
        var handler = SdkClients.OkHandler();
        using var s3 = SdkClients.S3(handler);
        using var response = await s3.GetObjectAsync(new Amazon.S3.Model.GetObjectRequest { BucketName = "lab-bucket", Key = "a b/c%2Fd(e).txt", VersionId = "v 1" });
        var captured = Assert.Single(handler.Requests);

        var request = HttpSignedRequest.From(Request(captured, captured.Uri.PathAndQuery), Endpoint.Auth.ContentSha256.EmptyPayloadHash);

        Assert.Equal("/lab-bucket/a%20b/c%252Fd%28e%29.txt", request.RawPath);
        Assert.Equal("v 1", request.QueryValue("versionId"));
        var result = new SigV4Verifier(SecretStore.Lookup, new FakeTimeProvider(captured.SigningTime())).Verify(request);
        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void From_WithoutRawTarget_FallsBackToTheEscapedPath()
    {
        var captured = new CapturedRequest("GET", new Uri("http://h/bucket/a%20b"), [KeyValuePair.Create("Host", "h")], []);

        var request = HttpSignedRequest.From(Request(captured, null), null);

        Assert.Equal("/bucket/a%20b", request.RawPath);
        Assert.Equal("h", request.Header("host"));
    }
}
