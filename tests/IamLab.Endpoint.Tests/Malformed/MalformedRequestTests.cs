using System.Net;
using System.Text;
using System.Xml.Linq;
using Amazon.SecurityToken.Model;
using IamLab.Client;
using IamLab.Endpoint.Tests.Hosting;
using Xunit;

namespace IamLab.Endpoint.Tests.Malformed;

/// <summary>Malformed requests get AWS's error documents, and the server keeps answering afterwards.</summary>
public sealed class MalformedRequestTests
{
    private const string Account = "123456789012";
    private static readonly XNamespace Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    [Theory]
    [InlineData("Version=2011-06-15", "MissingAction", "Missing Action")]
    [InlineData("Action=AssumeRole&Version=2011-06-15&Bad=%ZZ", "MalformedQueryString", null)]
    [InlineData("Action=GetCallerIdentity&Version=2011-06-15&Action=AssumeRole", "MalformedQueryString", "Parameter 'Action' appears more than once.")]
    [InlineData("Action=GetCallerIdentity&Version=1999-01-01", "InvalidAction", "Could not find operation GetCallerIdentity for version 1999-01-01")]
    [InlineData("Action=FlyToTheMoon&Version=2011-06-15", "InvalidAction", "Could not find operation FlyToTheMoon for version 2011-06-15")]
    public async Task BadSignedForm_GetsTheQueryErrorDocument(string form, string code, string? message)
    {
        await using var server = await LabServer.StartAsync();

        var (status, document) = await SendSigned(server, "sts", form);

        Assert.Equal(400, status);
        var error = document.Root!.Element(Sts + "Error")!;
        Assert.Equal("ErrorResponse", document.Root.Name.LocalName);
        Assert.Equal("Sender", error.Element(Sts + "Type")!.Value);
        Assert.Equal(code, error.Element(Sts + "Code")!.Value);
        if (message is not null)
        {
            Assert.Equal(message, error.Element(Sts + "Message")!.Value);
        }

        Assert.False(string.IsNullOrEmpty(document.Root.Element(Sts + "RequestId")!.Value));
        await AssertStillAnswers(server);
    }

    [Fact]
    public async Task OversizedSignedBody_IsRequestEntityTooLarge()
    {
        await using var server = await LabServer.StartAsync();
        var form = "Action=GetCallerIdentity&Version=2011-06-15&Padding=" + new string('a', 300 * 1024);

        var (status, document) = await SendSigned(server, "sts", form);

        Assert.Equal(413, status);
        Assert.Equal("RequestEntityTooLarge", document.Root!.Element(Sts + "Error")!.Element(Sts + "Code")!.Value);
        await AssertStillAnswers(server);
    }

    [Fact]
    public async Task HugeDeclaredContentLength_IsRefusedWithoutWaitingForTheBody()
    {
        await using var server = await LabServer.StartAsync();
        var request = $"POST / HTTP/1.1\r\nHost: {server.Endpoint.Url.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000000\r\n\r\n";

        var (status, text) = await RawHttp.SendAsync(server.Endpoint.Url, request);

        Assert.Equal(413, status);
        Assert.Contains("<Code>RequestEntityTooLarge</Code>", text, StringComparison.Ordinal);
        await AssertStillAnswers(server);
    }

    [Theory]
    [InlineData("X-Injected: one\rX-Second: two")]
    [InlineData("X-Amz-Date: 20250101T000000Z\r\n Folded: continuation")]
    public async Task HeaderWithBareCrOrLf_IsRefusedAndTheServerKeepsAnswering(string header)
    {
        await using var server = await LabServer.StartAsync();
        var request = $"POST / HTTP/1.1\r\nHost: {server.Endpoint.Url.Authority}\r\n{header}\r\nContent-Length: 0\r\n\r\n";

        var (status, _) = await RawHttp.SendAsync(server.Endpoint.Url, request);

        Assert.Equal(400, status);
        await AssertStillAnswers(server);
    }

    [Fact]
    public async Task HeaderWithBareLf_IsTwoHeadersAndGetsAnAwsAnswer()
    {
        // HTTP/1.1 parsers (Kestrel among them) accept a bare LF as a line end: the injected text becomes a header of
        // its own, never part of a value, and the unsigned request is answered as AWS answers one.
        await using var server = await LabServer.StartAsync();
        var request = $"POST / HTTP/1.1\r\nHost: {server.Endpoint.Url.Authority}\r\nX-Injected: one\nAuthorization: forged\r\nContent-Length: 0\r\n\r\n";

        var (status, text) = await RawHttp.SendAsync(server.Endpoint.Url, request);

        Assert.Equal(400, status);
        Assert.Contains("<Code>IncompleteSignature</Code>", text, StringComparison.Ordinal);
        await AssertStillAnswers(server);
    }

    [Theory]
    [InlineData("garbage", "IncompleteSignature")]
    [InlineData("AWS4-HMAC-SHA256 Credential=123456789012/20250101/us-east-1/sts/aws4_request", "IncompleteSignature")]
    [InlineData("AWS4-HMAC-SHA256 Credential=short, SignedHeaders=host, Signature=00", "IncompleteSignature")]
    [InlineData("AWS4-HMAC-SHA256 Credential=123456789012/20250101/us-east-1/unicorn/aws4_request, SignedHeaders=host, Signature=00", "InvalidAction")]
    public async Task GarbageAuthorizationHeader_GetsAnAwsErrorDocument(string authorization, string code)
    {
        await using var server = await LabServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint.Url)
        {
            Content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");

        using var response = await http.SendAsync(request);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, document.Descendants().First(e => e.Name.LocalName == "Code").Value);
        await AssertStillAnswers(server);
    }

    [Fact]
    public async Task UnsignedGetCallerIdentity_IsMissingAuthenticationToken()
    {
        await using var server = await LabServer.StartAsync();
        using var http = new HttpClient();
        using var content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(server.Endpoint.Url, content);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationToken", document.Root!.Element(Sts + "Error")!.Element(Sts + "Code")!.Value);
        Assert.Equal("Request is missing Authentication Token", document.Root.Element(Sts + "Error")!.Element(Sts + "Message")!.Value);
    }

    [Fact]
    public async Task ManyBadRequestsAtOnce_LeaveTheServerAnswering()
    {
        await using var server = await LabServer.StartAsync();
        var bad = Enumerable.Range(0, 64).Select(i => (i % 4) switch
        {
            0 => SendSigned(server, "sts", "Version=2011-06-15").ContinueWith(t => t.Result.Status, TaskScheduler.Default),
            1 => SendSigned(server, "iam", "Action=CreateRole&Version=2010-05-08").ContinueWith(t => t.Result.Status, TaskScheduler.Default),
            2 => RawHttp.SendAsync(server.Endpoint.Url, $"GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n").ContinueWith(t => t.Result.Status, TaskScheduler.Default),
            _ => SendSigned(server, "sts", "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::1:role/x&RoleSessionName=s").ContinueWith(t => t.Result.Status, TaskScheduler.Default),
        });

        var statuses = await Task.WhenAll(bad);

        Assert.All(statuses, s => Assert.InRange(s, 400, 499));
        await AssertStillAnswers(server);
    }

    private static async Task<(int Status, XDocument Document)> SendSigned(LabServer server, string service, string form)
    {
        using var http = new HttpClient();
        using var request = QueryRequestSigner.Sign(server.Endpoint.Url, service, "us-east-1", form, Account, "test", null, DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, XDocument.Parse(text));
    }

    private static async Task AssertStillAnswers(LabServer server)
    {
        using var sts = server.StsAsRoot(Account);
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal($"arn:aws:iam::{Account}:root", identity.Arn);
    }
}
