using System.Net.Sockets;
using System.Text;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.Endpoint.Tests.Malformed;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// A peer who announces a large body and sends none must not make the endpoint wait for it, or reserve memory for
/// it: the headers are judged first. Each request below sends its headers only; the answer must come anyway (a server
/// that waited for the announced body would leave RawHttp without an answer).
/// </summary>
public sealed class BodyReadingTests
{
    private const string Account = "111111111111";

    [Fact]
    public async Task UnsignedRequestAnnouncingMoreThanTheUnsignedCap_IsRefusedWithoutWaitingForTheBody()
    {
        await using var server = await LabServer.StartAsync(w =>
        {
            w.CreateAccount(Account);
            w.S3.CreateBucket(Account, "bkt");
        });
        var url = new Uri(server.Url);

        var answer = await RawHttp.SendAsync(url,
            $"PUT /bkt/big HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\n");

        // S3 answers EntityTooLarge with 400; the unsigned cap is 1 MiB (LabEndpointOptions.MaxUnsignedBodyBytes).
        Assert.Equal(400, answer.Status);
        Assert.Contains("<Code>EntityTooLarge</Code>", answer.Text, StringComparison.Ordinal);
        Assert.Contains("<MaxSizeAllowed>1048576</MaxSizeAllowed>", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedS3RequestWithAWrongSecret_IsRefusedBeforeItsBodyIsRead()
    {
        await using var server = await LabServer.StartAsync(w =>
        {
            w.CreateAccount(Account);
            w.S3.CreateBucket(Account, "bkt");
        });
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var timestamp = RawSigV4.Now();
        var hash = new string('a', 64);
        var headers = new Dictionary<string, string> { ["host"] = host, ["x-amz-content-sha256"] = hash, ["x-amz-date"] = timestamp };
        var authorization = RawSigV4.Authorization("PUT", "/bkt/big", [], headers, hash, Account, "not-the-secret", "s3", timestamp);

        var answer = await RawHttp.SendAsync(url,
            $"PUT /bkt/big HTTP/1.1\r\nHost: {host}\r\nX-Amz-Content-SHA256: {hash}\r\nX-Amz-Date: {timestamp}\r\nAuthorization: {authorization}\r\n"
            + "Content-Length: 50000000\r\nConnection: close\r\n\r\n");

        Assert.Equal(403, answer.Status);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryRequestWithAnUnknownKey_IsRefusedBeforeItsBodyIsRead()
    {
        await using var server = await LabServer.StartAsync();
        var url = new Uri(server.Url);
        var host = $"127.0.0.1:{url.Port}";
        var timestamp = RawSigV4.Now();
        // boto3 and the AWS CLI send no X-Amz-Content-SHA256 to IAM: the body must be hashed, but only once the key is known.
        var headers = new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded", ["host"] = host, ["x-amz-date"] = timestamp };
        var authorization = RawSigV4.Authorization("POST", "/", [], headers, new string('0', 64), "AKIAUNKNOWNUNKNOWN00", "secret", "iam", timestamp);

        var answer = await RawHttp.SendAsync(url,
            $"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Amz-Date: {timestamp}\r\nAuthorization: {authorization}\r\n"
            + "Content-Length: 200000\r\nConnection: close\r\n\r\n");

        Assert.Equal(403, answer.Status);
        Assert.Contains("<Code>InvalidClientTokenId</Code>", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsignedRequestClaimingASignedChunkedBody_IsTheClientsInvalidRequestNotAServerError()
    {
        await using var server = await LabServer.StartAsync(w =>
        {
            w.CreateAccount(Account);
            w.S3.CreateBucket(Account, "bkt");
        });
        var url = new Uri(server.Url);
        var body = Encoding.ASCII.GetBytes($"5;chunk-signature={new string('0', 64)}\r\nhello\r\n0;chunk-signature={new string('0', 64)}\r\n\r\n");

        var answer = await RawHttp.SendAsync(url,
            $"PUT /bkt/k HTTP/1.1\r\nHost: 127.0.0.1:{url.Port}\r\nX-Amz-Content-SHA256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD\r\n"
            + $"Content-Encoding: aws-chunked\r\nX-Amz-Decoded-Content-Length: 5\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n", body);

        Assert.Equal(400, answer.Status);
        Assert.Contains("<Code>InvalidRequest</Code>", answer.Text, StringComparison.Ordinal);
        Assert.Contains("the request carries no signature", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionsBeyondTheCap_AreNotServed()
    {
        await using var endpoint = await LabEndpoint.StartAsync(new LabEndpointOptions { Port = 0, MaxConnections = 1 });
        using var idle = new TcpClient();
        await idle.ConnectAsync(endpoint.Url.Host, endpoint.Url.Port);
        // The idle connection holds the only slot (a first request proves it is served), so the next one is closed unanswered.
        await idle.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET /_lab/oidc/thumbprint HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Url.Port}\r\n\r\n"));
        var first = new byte[12];
        await idle.GetStream().ReadAtLeastAsync(first, first.Length);

        var second = await RawHttp.SendAsync(endpoint.Url, $"GET /_lab/oidc/thumbprint HTTP/1.1\r\nHost: 127.0.0.1:{endpoint.Url.Port}\r\nConnection: close\r\n\r\n");

        Assert.Equal("HTTP/1.1 200", Encoding.ASCII.GetString(first));
        Assert.Equal(0, second.Status);
    }
}
