using IamLab.Endpoint.Protocol;
using Xunit;

namespace IamLab.Endpoint.Tests.Protocol;

public class QueryRequestParserTests
{
    [Fact]
    public void Parse_GetWithQueryString_ReadsActionVersionAndDecodesPlusAndPercent()
    {
        var result = QueryRequestParser.Parse("?Action=GetCallerIdentity&Version=2011-06-15&Note=a+b%2Bc%C3%A9", null);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("GetCallerIdentity", result.Request.Action);
        Assert.Equal("a b+cé", result.Request.Get("Note"));
    }

    [Fact]
    public void Parse_NoAction_MissingAction()
    {
        var result = QueryRequestParser.Parse(null, "Version=2011-06-15");

        Assert.Equal(("MissingAction", "Missing Action", 400), (result.Error!.Code, result.Error.Message, result.Error.StatusCode));
    }

    [Fact]
    public void Parse_WrongVersion_InvalidActionNamingBoth()
    {
        var result = QueryRequestParser.Parse(null, "Action=AssumeRole&Version=2010-05-08", version: "2011-06-15");

        Assert.Equal("Could not find operation AssumeRole for version 2010-05-08", result.Error!.Message);
    }

    [Fact]
    public void Parse_NoVersionWhenOneIsRequired_InvalidActionWithAwsPlaceholder()
    {
        var result = QueryRequestParser.Parse(null, "Action=AssumeRole", version: "2011-06-15");

        Assert.Equal("Could not find operation AssumeRole for version NO_VERSION_SPECIFIED", result.Error!.Message);
    }

    [Theory]
    [InlineData("Action=AssumeRole&Policy=%zz", "Invalid percent-encoding or UTF-8 in 'Policy=%zz'.")]
    [InlineData("Action=AssumeRole&Policy=%C3", "Invalid percent-encoding or UTF-8 in 'Policy=%C3'.")]
    [InlineData("Action=AssumeRole&=x", "Parameter without a name: '=x'.")]
    [InlineData("Action=AssumeRole&RoleArn=a&RoleArn=b", "Parameter 'RoleArn' appears more than once.")]
    public void Parse_BrokenForm_MalformedQueryStringQuotingTheText(string body, string message)
    {
        var result = QueryRequestParser.Parse(null, body);

        Assert.Equal("MalformedQueryString", result.Error!.Code);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public void Require_MissingSecondParameter_MissingParameterNamingIt()
    {
        var request = QueryRequestParser.Parse(null, "Action=AssumeRole&RoleArn=arn:aws:iam::1:role/r&RoleSessionName=").Request!;

        var error = request.Require("RoleArn", "RoleSessionName");

        Assert.Equal(("MissingParameter", "The request must contain the parameter RoleSessionName"), (error!.Code, error.Message));
    }

    [Fact]
    public void GetMembers_OutOfOrderAndInvalidIndexes_SortedNumericallyAndInvalidSkipped()
    {
        var request = QueryRequestParser.Parse(null,
            "Action=X&Keys.member.10=ten&Keys.member.2=two&Keys.member.1=one&Keys.member.0=zero&Keys.member.x=bad").Request!;

        Assert.Equal(["one", "two", "ten"], request.GetMembers("Keys"));
    }

    [Fact]
    public void GetMemberStructs_AbsentList_IsEmpty() =>
        Assert.Empty(QueryRequestParser.Parse(null, "Action=X").Request!.GetMemberStructs("Tags"));
}
