using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using IamLab.Endpoint.Auth;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>Presigned URLs from <c>AmazonS3Client.GetPreSignedURL</c>, verified from their query parameters.</summary>
public class SigV4PresignedUrlTests
{
    private static string Presign(string key = "reports/q1 final.txt", int minutes = 5, HttpVerb verb = HttpVerb.GET)
    {
        using var s3 = SdkClients.S3(SdkClients.OkHandler());
        return s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "lab-bucket",
            Key = key,
            Verb = verb,
            Protocol = Amazon.S3.Protocol.HTTP,
            Expires = DateTime.UtcNow.AddMinutes(minutes),
        });
    }

    private static DateTimeOffset SignedAt(SignedRequest request)
    {
        Assert.True(AwsTimestamp.TryParse(request.QueryValue("X-Amz-Date"), out var time));
        return time;
    }

    private static SigV4Result VerifyAt(SignedRequest request, TimeSpan afterSigning) =>
        new SigV4Verifier(SecretStore.Lookup, new FakeTimeProvider(SignedAt(request) + afterSigning)).Verify(request);

    [Fact]
    public void Verify_FreshPresignedGet_IsVerifiedAsPresigned()
    {
        var request = SdkClients.PresignedGet(Presign());

        var result = VerifyAt(request, TimeSpan.FromMinutes(1));

        Assert.True(result.IsVerified, result.ToString());
        Assert.True(result.Identity.IsPresigned);
        Assert.Equal(SdkClients.SessionToken, result.Identity.SessionToken);
        Assert.Equal(ContentSha256.UnsignedPayload, result.Identity.PayloadHash);
        Assert.Equal(request.QueryValue("X-Amz-Signature"), result.Identity.Signature);
    }

    [Fact]
    public void Verify_PresignedPutUsedWithGet_SignatureDoesNotMatch()
    {
        var put = SdkClients.PresignedGet(Presign(verb: HttpVerb.PUT));
        var asGet = new SignedRequest("GET", put.RawPath, put.Query, put.Headers.SelectMany(g => g.Select(v => KeyValuePair.Create(g.Key, v))), null);

        var result = VerifyAt(asGet, TimeSpan.FromMinutes(1));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public void Verify_OlderThanFifteenMinutesButNotExpired_IsVerified()
    {
        var request = SdkClients.PresignedGet(Presign(minutes: 60));

        var result = VerifyAt(request, TimeSpan.FromMinutes(45));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Verify_AfterExpiry_AccessDeniedRequestHasExpired()
    {
        var request = SdkClients.PresignedGet(Presign(minutes: 5));
        var expires = int.Parse(request.QueryValue("X-Amz-Expires")!, System.Globalization.CultureInfo.InvariantCulture);

        var result = VerifyAt(request, TimeSpan.FromSeconds(expires + 1));

        Assert.Equal("AccessDenied", result.Error!.Code);
        Assert.Equal("Request has expired", result.Error.Message);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Fact]
    public void Verify_DatedMoreThanFifteenMinutesAhead_AccessDeniedNotYetValid()
    {
        var request = SdkClients.PresignedGet(Presign());

        var result = VerifyAt(request, TimeSpan.FromMinutes(-16));

        Assert.Equal("AccessDenied", result.Error!.Code);
        Assert.Equal("Request is not yet valid", result.Error.Message);
    }

    [Fact]
    public void Verify_TamperedKey_SignatureDoesNotMatch()
    {
        var url = Presign().Replace("q1%20final", "q2%20final", StringComparison.Ordinal);

        var result = VerifyAt(SdkClients.PresignedGet(url), TimeSpan.FromMinutes(1));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public void Verify_LengthenedExpiry_SignatureDoesNotMatch()
    {
        var url = Regex.Replace(Presign(), "X-Amz-Expires=[0-9]+", "X-Amz-Expires=3000");

        var result = VerifyAt(SdkClients.PresignedGet(url), TimeSpan.FromMinutes(1));

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public void Verify_ExpiryOverOneWeek_AuthorizationQueryParametersError()
    {
        var url = Regex.Replace(Presign(), "X-Amz-Expires=[0-9]+", "X-Amz-Expires=604801");

        var result = VerifyAt(SdkClients.PresignedGet(url), TimeSpan.FromMinutes(1));

        Assert.Equal("AuthorizationQueryParametersError", result.Error!.Code);
        Assert.Equal("X-Amz-Expires must be less than a week (in seconds) that is 604800", result.Error.Message);
    }

    [Fact]
    public void Verify_MissingSignatureParameter_AuthorizationQueryParametersError()
    {
        var url = Presign();
        var stripped = url[..url.IndexOf("&X-Amz-Signature=", StringComparison.Ordinal)];

        var result = VerifyAt(SdkClients.PresignedGet(stripped), TimeSpan.FromMinutes(1));

        Assert.Equal("AuthorizationQueryParametersError", result.Error!.Code);
        Assert.StartsWith("Query-string authentication version 4 requires", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnsignedAmzHeaderRidingAlong_AccessDenied()
    {
        var request = SdkClients.PresignedGet(Presign(), ("x-amz-server-side-encryption", "aws:kms"));

        var result = VerifyAt(request, TimeSpan.FromMinutes(1));

        Assert.Equal("AccessDenied", result.Error!.Code);
        Assert.Contains(KeyValuePair.Create("HeadersNotSigned", "x-amz-server-side-encryption"), result.Error.Details);
    }

    [Fact]
    public void Verify_WrongSecret_SignatureDoesNotMatch()
    {
        var request = SdkClients.PresignedGet(Presign());
        var verifier = new SigV4Verifier(SecretStore.WrongSecret, new FakeTimeProvider(SignedAt(request)));

        var result = verifier.Verify(request);

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public void Verify_PresignedUrlWithAuthorizationHeaderToo_InvalidArgument()
    {
        var request = SdkClients.PresignedGet(Presign(), ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261128/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00"));

        var result = VerifyAt(request, TimeSpan.FromMinutes(1));

        Assert.Equal("InvalidArgument", result.Error!.Code);
        Assert.StartsWith("Only one auth mechanism allowed;", result.Error.Message, StringComparison.Ordinal);
    }
}
