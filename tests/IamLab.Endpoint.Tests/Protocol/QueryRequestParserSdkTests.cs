using System.Text;
using Amazon.EC2.Model;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Protocol;
using IamLab.Endpoint.Tests.Auth;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

/// <summary>Query bodies as the real SDK writes them, parsed back into their parameters.</summary>
public class QueryRequestParserSdkTests
{
    private const string SessionPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/a b+c&d=é"}]}""";

    private static async Task<QueryParseResult> ParseCapturedAsync(CapturedRequest captured) =>
        await QueryRequestParser.ReadAsync(new MemoryStream(captured.Body), captured.Header("Content-Type"), captured.Uri.Query);

    [Fact]
    public async Task Read_AssumeRoleFromSdk_ExposesScalarsAndEveryListShape()
    {
        var handler = SdkClients.OkHandler();
        using var sts = SdkClients.Sts(handler);
        await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::111122223333:role/Reader",
            RoleSessionName = "s1",
            Policy = SessionPolicy,
            PolicyArns = [new PolicyDescriptorType { Arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" }, new PolicyDescriptorType { Arn = "arn:aws:iam::111122223333:policy/Two" }],
            Tags = [new Amazon.SecurityToken.Model.Tag { Key = "team", Value = "blue" }, new Amazon.SecurityToken.Model.Tag { Key = "cost center", Value = "4+2=6" }],
            TransitiveTagKeys = ["team", "cost center"],
            ExternalId = "ext-123",
        });

        var result = await ParseCapturedAsync(Assert.Single(handler.Requests));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var request = result.Request;
        Assert.Equal(("AssumeRole", "2011-06-15"), (request.Action, request.Version));
        Assert.Equal("arn:aws:iam::111122223333:role/Reader", request.Get("RoleArn"));
        Assert.Equal(SessionPolicy, request.Get("Policy"));
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::111122223333:policy/Two"], request.GetMemberStructs("PolicyArns").Select(p => p["arn"]));
        Assert.Equal([("team", "blue"), ("cost center", "4+2=6")], request.GetMemberStructs("Tags").Select(t => (t["Key"], t["Value"])));
        Assert.Equal(["team", "cost center"], request.GetMembers("TransitiveTagKeys"));
        Assert.Null(request.Require("RoleArn", "RoleSessionName", "ExternalId"));
    }

    [Fact]
    public async Task Read_Ec2DescribeInstancesFromSdk_ExposesIndexedLists()
    {
        var handler = SdkClients.OkHandler();
        using var ec2 = SdkClients.Ec2(handler);
        await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            InstanceIds = ["i-1", "i-2"],
            Filters = [new Filter { Name = "tag:Name", Values = ["web", "db"] }],
        });

        var result = await ParseCapturedAsync(Assert.Single(handler.Requests));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("DescribeInstances", result.Request.Action);
        Assert.Equal(["i-1", "i-2"], result.Request.GetIndexed("InstanceId"));
        var filter = Assert.Single(result.Request.GetIndexedStructs("Filter"));
        Assert.Equal(("tag:Name", "web", "db"), (filter["Name"], filter["Value.1"], filter["Value.2"]));
    }

    [Fact]
    public async Task Read_SdkActionOutsideTheServiceCatalogue_InvalidAction()
    {
        var handler = SdkClients.OkHandler();
        using var sts = SdkClients.Sts(handler);
        await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var captured = Assert.Single(handler.Requests);

        var result = await QueryRequestParser.ReadAsync(new MemoryStream(captured.Body), captured.Header("Content-Type"), null,
            actions: new HashSet<string> { "AssumeRole" });

        Assert.Equal("InvalidAction", result.Error!.Code);
        Assert.Equal("Could not find operation GetCallerIdentity for version 2011-06-15", result.Error.Message);
        Assert.Equal(400, result.Error.StatusCode);
    }

    [Fact]
    public async Task Read_BodyOverTheLimit_RequestEntityTooLarge()
    {
        var body = "Action=AssumeRole&Policy=" + new string('x', 2000);

        var result = await QueryRequestParser.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), "application/x-www-form-urlencoded", null, maxBodyBytes: 1024);

        Assert.Equal("RequestEntityTooLarge", result.Error!.Code);
        Assert.Equal(413, result.Error.StatusCode);
    }

    [Fact]
    public async Task Read_BodyOfAnotherContentType_IsIgnored()
    {
        var result = await QueryRequestParser.ReadAsync(new MemoryStream("Action=AssumeRole"u8.ToArray()), "application/json", "?Action=GetCallerIdentity&Version=2011-06-15");

        Assert.Equal("GetCallerIdentity", result.Request!.Action);
    }

    [Fact]
    public async Task Read_BodyNotUtf8_MalformedQueryString()
    {
        var result = await QueryRequestParser.ReadAsync(new MemoryStream([(byte)'A', 0xFF, 0xFE]), null, null);

        Assert.Equal("MalformedQueryString", result.Error!.Code);
    }
}
