using IamLab.Endpoint.Auth;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>
/// Cases from AWS's published SigV4 test suite (get-vanilla, post-vanilla): fixed inputs and the
/// signatures AWS documents for them, independent of any SDK.
/// </summary>
public class SigV4TestSuiteVectorTests
{
    private const string SuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static SignedRequest SuiteRequest(string method, string signature) =>
        SignedRequest.WithBody(method, "/", [],
        [
            KeyValuePair.Create("Host", "example.amazonaws.com"),
            KeyValuePair.Create("X-Amz-Date", "20150830T123600Z"),
            KeyValuePair.Create("Authorization", $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}"),
        ], []);

    private static SigV4Result Verify(SignedRequest request) =>
        new SigV4Verifier(id => id == "AKIDEXAMPLE" ? SuiteSecret : null, new FakeTimeProvider(SuiteTime)).Verify(request);

    [Theory]
    [InlineData("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Verify_SuiteVanillaRequest_IsVerified(string method, string signature)
    {
        var result = Verify(SuiteRequest(method, signature));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("service", result.Identity.Service);
    }

    [Fact]
    public void Verify_SuiteGetSignatureOnPost_SignatureDoesNotMatch()
    {
        var result = Verify(SuiteRequest("POST", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public void Verify_SuiteSignatureInUpperCaseHex_IsVerified()
    {
        var result = Verify(SuiteRequest("GET", "5FA00FA31553B73EBF1942676E86291E8372FF2A2260956D9B8AAE1D763FBF31"));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void StringToSign_SuiteGetVanilla_HashesTheDocumentedCanonicalRequest()
    {
        var canonical = CanonicalRequest.Build(SuiteRequest("GET", "x"), ["host", "x-amz-date"], ContentSha256.EmptyPayloadHash, isS3: false, excludeQuery: null);

        Assert.Equal(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + ContentSha256.EmptyPayloadHash,
            canonical);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            SigV4Signing.StringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonical));
    }
}
