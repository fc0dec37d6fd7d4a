using Amazon.S3.Model;
using IamLab.Endpoint.Auth;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>Header-signed S3 requests from AWSSDK.S3 4.1.0: single path encoding, S3's error wording, streaming seeds.</summary>
public class SigV4VerifierS3Tests
{
    private const string S3Mismatch =
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    private static SigV4Verifier VerifierAt(DateTimeOffset now, Func<string, string?>? lookup = null) =>
        new(lookup ?? SecretStore.Lookup, new FakeTimeProvider(now));

    private static async Task<CapturedRequest> CapturePutAsync(string key = "reports/q1.txt")
    {
        var handler = SdkClients.OkHandler();
        using var s3 = SdkClients.S3(handler);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "lab-bucket", Key = key, ContentBody = "hello world" });
        return Assert.Single(handler.Requests);
    }

    private static async Task<CapturedRequest> CaptureListAsync()
    {
        var handler = SdkClients.OkHandler();
        using var s3 = SdkClients.S3(handler);
        await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "lab-bucket", Prefix = "team a/", Delimiter = "/" });
        return Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Verify_PutObjectStreaming_IsVerifiedAndKeepsSeedSignature()
    {
        var captured = await CapturePutAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.ToSignedRequest(hashBody: false));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("s3", result.Identity.Service);
        Assert.Equal(ContentSha256.StreamingSignedTrailer, result.Identity.PayloadHash);
        Assert.EndsWith("Signature=" + result.Identity.Signature, captured.Header("Authorization"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a b/c~d(e)!é.txt")]
    [InlineData("100% sure/x+y=z.txt")]
    [InlineData("日本語/ключ*'.txt")]
    public async Task Verify_KeyWithReservedAndUnicodeCharacters_PathIsEncodedOnce(string key)
    {
        var captured = await CapturePutAsync(key);

        var result = VerifierAt(captured.SigningTime()).Verify(captured.ToSignedRequest(hashBody: false));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public async Task Verify_ListObjectsWithEncodedQuery_IsVerified()
    {
        var captured = await CaptureListAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.ToSignedRequest());

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(ContentSha256.EmptyPayloadHash, result.Identity.PayloadHash);
    }

    [Fact]
    public async Task Verify_TamperedQuery_SignatureDoesNotMatchWithS3Wording()
    {
        var captured = await CaptureListAsync();
        var tampered = captured.WithUri(captured.Uri.AbsoluteUri.Replace("team%20a", "team%20b", StringComparison.Ordinal));

        var result = VerifierAt(captured.SigningTime()).Verify(tampered.ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Equal(S3Mismatch, result.Error.Message);
        Assert.Contains(result.Error.Details, d => d.Key == "StringToSign" && d.Value.StartsWith("AWS4-HMAC-SHA256\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_TamperedPath_SignatureDoesNotMatch()
    {
        var captured = await CapturePutAsync();
        var tampered = captured.WithUri(captured.Uri.AbsoluteUri.Replace("q1", "q2", StringComparison.Ordinal));

        var result = VerifierAt(captured.SigningTime()).Verify(tampered.ToSignedRequest(hashBody: false));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Verify_BodyDiffersFromSignedHash_XAmzContentSha256Mismatch()
    {
        var captured = await CaptureListAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithBody("smuggled").ToSignedRequest());

        Assert.Equal("XAmzContentSHA256Mismatch", result.Error!.Code);
        Assert.Equal(400, result.Error.StatusCode);
    }

    [Fact]
    public async Task Verify_UnknownAccessKey_InvalidAccessKeyId()
    {
        var captured = await CaptureListAsync();

        var result = VerifierAt(captured.SigningTime(), _ => null).Verify(captured.ToSignedRequest());

        Assert.Equal("InvalidAccessKeyId", result.Error!.Code);
        Assert.Equal("The AWS Access Key Id you provided does not exist in our records.", result.Error.Message);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-16)]
    public async Task Verify_SkewOverFifteenMinutes_RequestTimeTooSkewed(int minutes)
    {
        var captured = await CaptureListAsync();

        var result = VerifierAt(captured.SigningTime().AddMinutes(minutes)).Verify(captured.ToSignedRequest());

        Assert.Equal("RequestTimeTooSkewed", result.Error!.Code);
        Assert.Equal("The difference between the request time and the current time is too large.", result.Error.Message);
        Assert.Contains(KeyValuePair.Create("RequestTime", captured.Header("X-Amz-Date")), result.Error.Details);
    }

    [Fact]
    public async Task Verify_UnsignedAmzHeaderAdded_AccessDeniedNamingTheHeader()
    {
        var captured = await CaptureListAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("x-amz-acl", "public-read").ToSignedRequest());

        Assert.Equal("AccessDenied", result.Error!.Code);
        Assert.Equal("There were headers present in the request which were not signed", result.Error.Message);
        Assert.Contains(KeyValuePair.Create("HeadersNotSigned", "x-amz-acl"), result.Error.Details);
    }

    [Fact]
    public async Task Verify_MissingContentSha256_InvalidRequest()
    {
        var captured = await CaptureListAsync();
        var stripped = captured with { Headers = [.. captured.Headers.Where(h => h.Key != "X-Amz-Content-SHA256")] };

        var result = VerifierAt(captured.SigningTime()).Verify(stripped.ToSignedRequest());

        Assert.Equal("InvalidRequest", result.Error!.Code);
        Assert.Equal("Missing required header for this request: x-amz-content-sha256", result.Error.Message);
    }

    [Fact]
    public async Task Verify_AuthorizationWithoutSignedHeaders_AuthorizationHeaderMalformed()
    {
        var captured = await CaptureListAsync();
        var header = captured.Header("Authorization");
        var start = header.IndexOf(" SignedHeaders=", StringComparison.Ordinal);
        var end = header.IndexOf(" Signature=", StringComparison.Ordinal);
        var withoutSignedHeaders = header[..start] + header[end..];

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("Authorization", withoutSignedHeaders).ToSignedRequest());

        Assert.Equal("AuthorizationHeaderMalformed", result.Error!.Code);
        Assert.Equal("The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.", result.Error.Message);
    }
}
