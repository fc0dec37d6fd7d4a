using System.Text;
using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Auth;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>Header-signed requests from the real SDK to Query services (STS, EC2).</summary>
public class SigV4VerifierQueryServiceTests
{
    private const string QueryMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static async Task<CapturedRequest> CaptureAssumeRoleAsync()
    {
        var handler = SdkClients.OkHandler();
        using var sts = SdkClients.Sts(handler);
        await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::111122223333:role/Reader",
            RoleSessionName = "lab-session",
            Tags = [new Amazon.SecurityToken.Model.Tag { Key = "team name", Value = "a+b=c/d é" }],
        });
        return Assert.Single(handler.Requests);
    }

    private static SigV4Verifier VerifierAt(DateTimeOffset now, Func<string, string?>? lookup = null) =>
        new(lookup ?? SecretStore.Lookup, new FakeTimeProvider(now));

    [Fact]
    public async Task Verify_StsAssumeRoleSignedBySdk_IsVerifiedWithScopeAndToken()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.ToSignedRequest());

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(SdkClients.AccessKeyId, result.Identity.AccessKeyId);
        Assert.Equal("us-east-1", result.Identity.Region);
        Assert.Equal("sts", result.Identity.Service);
        Assert.Equal(SdkClients.SessionToken, result.Identity.SessionToken);
        Assert.Equal(captured.SigningTime(), result.Identity.SigningTime);
        Assert.False(result.Identity.IsPresigned);
        Assert.EndsWith("Signature=" + result.Identity.Signature, captured.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Ec2DescribeInstancesSignedBySdk_IsVerified()
    {
        var handler = SdkClients.OkHandler();
        using var ec2 = SdkClients.Ec2(handler);
        await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] });
        var captured = Assert.Single(handler.Requests);

        var result = VerifierAt(captured.SigningTime()).Verify(captured.ToSignedRequest());

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("ec2", result.Identity.Service);
    }

    [Fact]
    public async Task Verify_StsWithPathInServiceUrl_DoubleEncodesPathSegments()
    {
        var handler = SdkClients.OkHandler();
        using var sts = SdkClients.Sts(handler, SdkClients.ServiceUrl + "/lab:sts/");
        await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var captured = Assert.Single(handler.Requests);
        Assert.Equal("/lab:sts/", captured.Uri.AbsolutePath);
        Assert.Equal("/lab%253Asts/", CanonicalRequest.Uri(captured.Uri.AbsolutePath, isS3: false));

        var result = VerifierAt(captured.SigningTime()).Verify(captured.ToSignedRequest());

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public async Task Verify_WrongSecret_SignatureDoesNotMatchWithQueryWording()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime(), SecretStore.WrongSecret).Verify(captured.ToSignedRequest());

        Assert.Equal(SigV4Outcome.Failed, result.Outcome);
        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Equal(QueryMismatch, result.Error.Message);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Fact]
    public async Task Verify_UnknownAccessKey_InvalidClientTokenId()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime(), _ => null).Verify(captured.ToSignedRequest());

        Assert.Equal("InvalidClientTokenId", result.Error!.Code);
        Assert.Equal("The security token included in the request is invalid.", result.Error.Message);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Fact]
    public async Task Verify_TamperedBody_SignatureDoesNotMatch()
    {
        var captured = await CaptureAssumeRoleAsync();
        var body = Encoding.UTF8.GetString(captured.Body).Replace("Reader", "Admin", StringComparison.Ordinal);

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithBody(body).ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Verify_TamperedBodyWithMatchingContentHashHeader_SignatureDoesNotMatch()
    {
        var captured = await CaptureAssumeRoleAsync();
        var tampered = captured.WithBody(Encoding.UTF8.GetString(captured.Body).Replace("Reader", "Admin", StringComparison.Ordinal));
        tampered = tampered.WithHeader("X-Amz-Content-SHA256", tampered.ToSignedRequest().PayloadHash!);

        var result = VerifierAt(captured.SigningTime()).Verify(tampered.ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Contains("CanonicalRequest", result.Error.Details.Select(d => d.Key));
    }

    [Fact]
    public async Task Verify_TamperedSignedHeader_SignatureDoesNotMatch()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("X-Amz-Security-Token", "someone-elses-token").ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Verify_AddedQueryParameter_SignatureDoesNotMatch()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithUri(SdkClients.ServiceUrl + "/?Action=DeleteRole").ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
    }

    [Fact]
    public async Task Verify_UnsignedHeaderAdded_StillVerifies()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("X-Forwarded-For", "10.0.0.1").ToSignedRequest());

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(-15)]
    [InlineData(15)]
    public async Task Verify_SkewOfExactlyFifteenMinutes_IsAccepted(int minutes)
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime().AddMinutes(minutes)).Verify(captured.ToSignedRequest());

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public async Task Verify_SignedMoreThanFifteenMinutesAgo_SignatureExpired()
    {
        var captured = await CaptureAssumeRoleAsync();
        var signed = captured.SigningTime();
        var now = signed.AddMinutes(30);

        var result = VerifierAt(now).Verify(captured.ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Equal(
            $"Signature expired: {captured.Header("X-Amz-Date")} is now earlier than {AwsTimestamp.ToText(signed.AddMinutes(15))} ({AwsTimestamp.ToText(now)} - 15 min.)",
            result.Error.Message);
    }

    [Fact]
    public async Task Verify_SignedMoreThanFifteenMinutesAhead_SignatureNotYetCurrent()
    {
        var captured = await CaptureAssumeRoleAsync();
        var signed = captured.SigningTime();
        var now = signed.AddMinutes(-16);

        var result = VerifierAt(now).Verify(captured.ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Equal(
            $"Signature not yet current: {captured.Header("X-Amz-Date")} is still later than {AwsTimestamp.ToText(now.AddMinutes(15))} ({AwsTimestamp.ToText(now)} + 15 min.)",
            result.Error.Message);
    }

    [Fact]
    public async Task Verify_StaleRequestFromUnknownKey_ReportsTheClockFirst()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime().AddHours(1), _ => null).Verify(captured.ToSignedRequest());

        Assert.StartsWith("Signature expired:", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoAuthorization_IsAnonymous()
    {
        var captured = await CaptureAssumeRoleAsync();
        var unsigned = captured with { Headers = [.. captured.Headers.Where(h => h.Key != "Authorization")] };

        var result = VerifierAt(captured.SigningTime()).Verify(unsigned.ToSignedRequest());

        Assert.Equal(SigV4Outcome.Anonymous, result.Outcome);
        Assert.Null(result.Identity);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Verify_AuthorizationWithoutSignature_IncompleteSignatureQuotingTheHeader()
    {
        var captured = await CaptureAssumeRoleAsync();
        var header = captured.Header("Authorization");
        var truncated = header[..header.IndexOf(", Signature=", StringComparison.Ordinal)];

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("Authorization", truncated).ToSignedRequest());

        Assert.Equal("IncompleteSignature", result.Error!.Code);
        Assert.Equal($"Authorization header requires 'Signature' parameter. Authorization={truncated}", result.Error.Message);
        Assert.Equal(400, result.Error.StatusCode);
    }

    [Fact]
    public async Task Verify_CredentialDateDiffersFromXAmzDate_SignatureDoesNotMatchNamingBoth()
    {
        var captured = await CaptureAssumeRoleAsync();
        var date = captured.Header("X-Amz-Date");
        var header = captured.Header("Authorization").Replace("/" + date[..8] + "/", "/20200101/", StringComparison.Ordinal);

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("Authorization", header).ToSignedRequest());

        Assert.Equal("SignatureDoesNotMatch", result.Error!.Code);
        Assert.Equal(
            $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20200101' != '{date[..8]}', from '{date}'.",
            result.Error.Message);
    }

    [Fact]
    public async Task Verify_HostNotSigned_IncompleteSignature()
    {
        var captured = await CaptureAssumeRoleAsync();
        var header = captured.Header("Authorization").Replace("host;", string.Empty, StringComparison.Ordinal);

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("Authorization", header).ToSignedRequest());

        Assert.Equal("IncompleteSignature", result.Error!.Code);
        Assert.Equal("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", result.Error.Message);
    }

    [Fact]
    public async Task Verify_SigV2Authorization_IsRefusedAsUnsupported()
    {
        var captured = await CaptureAssumeRoleAsync();

        var result = VerifierAt(captured.SigningTime()).Verify(captured.WithHeader("Authorization", "AWS AKIDEXAMPLE:c2lnbmF0dXJl").ToSignedRequest());

        Assert.Equal("IncompleteSignature", result.Error!.Code);
        Assert.Contains("'AWS'", result.Error.Message, StringComparison.Ordinal);
    }
}
