using System.Text;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.Malformed;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// One signature must cover exactly one request: what the signature was computed over is what the handlers act on.
/// Each test signs one request as its owner would, then sends a different one on the wire, as an attacker who
/// captured the signature would.
/// </summary>
public sealed class SignatureScopeTests
{
    private const string Account = "111111111111";

    [Fact]
    public async Task PresignedUrlForKeyB_DoesNotReadXDotDotB_ThroughAnAbsoluteFormTarget()
    {
        await using var server = await LabServer.StartAsync(w =>
        {
            w.CreateAccount(Account);
            w.S3.CreateBucket(Account, "bkt");
            w.S3.Seed("bkt", "b", Encoding.UTF8.GetBytes("public"));
            w.S3.Seed("bkt", "x/../b", Encoding.UTF8.GetBytes("secret"));
        });
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var query = RawSigV4.Presign("GET", "/bkt/b", [], host, Account, "test", "s3", RawSigV4.Now());

        var intended = await RawHttp.SendAsync(url, $"GET /bkt/b?{query} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        var originForm = await RawHttp.SendAsync(url, $"GET /bkt/x/../b?{query} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        var absoluteForm = await RawHttp.SendAsync(url, $"GET http://{host}/bkt/x/../b?{query} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, intended.Status);
        Assert.EndsWith("public", intended.Text, StringComparison.Ordinal);
        Assert.Equal(403, originForm.Status);
        Assert.Equal(403, absoluteForm.Status);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", absoluteForm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", absoluteForm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlusInTheQuery_IsOneValueForTheSignatureAndTheHandler()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var timestamp = RawSigV4.Now();
        // The owner signs CreateUser "a+b" (a valid IAM name); a SigV4 signer writes the plus as %2B.
        var authorization = RawSigV4.Authorization("GET", "/",
            [KeyValuePair.Create("Action", "CreateUser"), KeyValuePair.Create("Version", "2010-05-08"), KeyValuePair.Create("UserName", "a+b")],
            new Dictionary<string, string> { ["host"] = host, ["x-amz-date"] = timestamp }, RawSigV4.Sha256(""), Account, "test", "iam", timestamp);
        string Request(string userName) =>
            $"GET /?Action=CreateUser&Version=2010-05-08&UserName={userName} HTTP/1.1\r\nHost: {host}\r\nX-Amz-Date: {timestamp}\r\nAuthorization: {authorization}\r\nConnection: close\r\n\r\n";

        var rawPlus = await RawHttp.SendAsync(url, Request("a+b"));
        var encoded = await RawHttp.SendAsync(url, Request("a%2Bb"));

        // A raw '+' is a space for every reader, so the signature (over "a+b") does not cover "a b".
        Assert.Equal(403, rawPlus.Status);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", rawPlus.Text, StringComparison.Ordinal);
        Assert.Equal(200, encoded.Status);
        Assert.Equal(["a+b"], server.World.Iam(Account).Account.Users.Keys);
    }

    [Fact]
    public async Task UnsignedPayloadOnAQueryService_IsRefusedSoTheBodyCannotBeSwapped()
    {
        await using var server = await LabServer.StartAsync(w => w.CreateAccount(Account));
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        const string Body = "Action=CreateUser&Version=2010-05-08&UserName=mallory";

        var unsigned = await RawHttp.SendAsync(url, SignedPost(host, Body, "UNSIGNED-PAYLOAD"), Encoding.UTF8.GetBytes(Body));
        var hashed = await RawHttp.SendAsync(url, SignedPost(host, Body, RawSigV4.Sha256(Body)), Encoding.UTF8.GetBytes(Body));

        Assert.Equal(403, unsigned.Status);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", unsigned.Text, StringComparison.Ordinal);
        Assert.Equal(200, hashed.Status);
        Assert.Equal(["mallory"], server.World.Iam(Account).Account.Users.Keys);
    }

    internal static string SignedPost(string host, string body, string contentSha256, string accessKeyId = Account, string secret = "test")
    {
        var timestamp = RawSigV4.Now();
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = "application/x-www-form-urlencoded",
            ["host"] = host,
            ["x-amz-content-sha256"] = contentSha256,
            ["x-amz-date"] = timestamp,
        };
        var authorization = RawSigV4.Authorization("POST", "/", [], headers, contentSha256, accessKeyId, secret, "iam", timestamp);
        return $"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Amz-Content-SHA256: {contentSha256}\r\n"
            + $"X-Amz-Date: {timestamp}\r\nAuthorization: {authorization}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
    }
}
