using System.Globalization;
using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Auth;
using IamLab.Endpoint.Protocol;
using IamLab.Endpoint.Tests.Auth;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>The documents <see cref="AwsXml"/> writes, read back by the real SDK's unmarshallers.</summary>
public class AwsXmlSdkTests
{
    private const string Tricky = "Role <Admin> & \"friends\" aren't trusted: ]]> é 日本";

    // The SDKs read the request id from the x-amzn-RequestId / x-amz-request-id header; the endpoint sends the same id in both places.
    private static CapturingHandler Answer(HttpStatusCode status, string xml, string requestId) =>
        new(_ => CapturingHandler.Xml(status, xml, requestId));

    [Fact]
    public async Task QueryError_ReadByStsClient_BecomesServiceExceptionWithCodeTypeStatusAndMessage()
    {
        var xml = AwsXml.QueryError(SigV4Errors.UnknownAccessKey(s3: false) with { Message = Tricky }, AwsXmlNamespaces.Sts, "req-42");
        using var sts = SdkClients.Sts(Answer(HttpStatusCode.Forbidden, xml, "req-42"));

        var ex = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", ex.ErrorCode);
        Assert.Equal(ErrorType.Sender, ex.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(Tricky, ex.Message);
        Assert.Equal("req-42", ex.RequestId);
    }

    [Fact]
    public async Task QueryError_ModeledCode_BecomesTheModeledStsException()
    {
        var xml = AwsXml.QueryError(new AwsError("ExpiredTokenException", "The security token included in the request is expired", 400), AwsXmlNamespaces.Sts, "req-43");
        using var sts = SdkClients.Sts(Answer(HttpStatusCode.BadRequest, xml, "req-43"));

        var ex = await Assert.ThrowsAsync<ExpiredTokenException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111122223333:role/Reader", RoleSessionName = "s1" }));

        Assert.Equal("ExpiredTokenException", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task QueryResponse_AssumeRoleResult_ReadByStsClient()
    {
        var expiration = new DateTime(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc);
        var xml = AwsXml.QueryResponse("AssumeRole", AwsXmlNamespaces.Sts, "req-44", w =>
        {
            w.WriteStartElement("Credentials");
            w.WriteElementString("AccessKeyId", "ASIAEXAMPLE");
            w.WriteElementString("SecretAccessKey", "secret/with+chars");
            w.WriteElementString("SessionToken", "token&<>");
            w.WriteElementString("Expiration", expiration.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteStartElement("AssumedRoleUser");
            w.WriteElementString("AssumedRoleId", "AROAEXAMPLE:s1");
            w.WriteElementString("Arn", "arn:aws:sts::111122223333:assumed-role/Reader/s1");
            w.WriteEndElement();
        });
        using var sts = SdkClients.Sts(Answer(HttpStatusCode.OK, xml, "req-44"));

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111122223333:role/Reader", RoleSessionName = "s1" });

        Assert.Equal("ASIAEXAMPLE", response.Credentials.AccessKeyId);
        Assert.Equal("secret/with+chars", response.Credentials.SecretAccessKey);
        Assert.Equal("token&<>", response.Credentials.SessionToken);
        Assert.Equal(expiration, response.Credentials.Expiration!.Value.ToUniversalTime());
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/Reader/s1", response.AssumedRoleUser.Arn);
        Assert.Equal("req-44", response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task Ec2Error_ReadByEc2Client_BecomesServiceException()
    {
        var xml = AwsXml.Ec2Error(new AwsError("UnauthorizedOperation", "You are not authorized to perform this operation. " + Tricky, 403), "req-45");
        using var ec2 = SdkClients.Ec2(Answer(HttpStatusCode.Forbidden, xml, "req-45"));

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Equal("UnauthorizedOperation", ex.ErrorCode);
        Assert.Equal("You are not authorized to perform this operation. " + Tricky, ex.Message);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("req-45", ex.RequestId);
    }

    [Fact]
    public async Task Ec2Response_ReadByEc2Client_CarriesRequestIdAndBody()
    {
        var xml = AwsXml.Ec2Response("DescribeInstances", "req-46", w =>
        {
            w.WriteStartElement("reservationSet");
            w.WriteStartElement("item");
            w.WriteElementString("reservationId", "r-0123");
            w.WriteElementString("ownerId", "111122223333");
            w.WriteEndElement();
            w.WriteEndElement();
        });
        using var ec2 = SdkClients.Ec2(Answer(HttpStatusCode.OK, xml, "req-46"));

        var response = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());

        Assert.Equal("req-46", response.ResponseMetadata.RequestId);
        Assert.Equal(("r-0123", "111122223333"), (Assert.Single(response.Reservations).ReservationId, response.Reservations[0].OwnerId));
    }

    [Fact]
    public async Task S3Error_ReadByS3Client_BecomesAmazonS3Exception()
    {
        var error = SigV4Errors.SignatureDoesNotMatch(s3: true) with { Details = [KeyValuePair.Create("StringToSign", "AWS4-HMAC-SHA256\n" + Tricky)] };
        var xml = AwsXml.S3Error(error, "/lab-bucket/a&b.txt", "req-47");
        using var s3 = SdkClients.S3(Answer(HttpStatusCode.Forbidden, xml, "req-47"));

        var ex = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(new GetObjectRequest { BucketName = "lab-bucket", Key = "a&b.txt" }));

        Assert.Equal("SignatureDoesNotMatch", ex.ErrorCode);
        Assert.Equal(error.Message, ex.Message);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(ErrorType.Sender, ex.ErrorType);
        Assert.Equal("req-47", ex.RequestId);
    }
}
