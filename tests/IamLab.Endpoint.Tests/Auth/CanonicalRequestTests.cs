using IamLab.Endpoint.Auth;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

public class CanonicalRequestTests
{
    [Theory]
    [InlineData("/bucket/a%20b/c.txt", "/bucket/a%20b/c.txt")]
    [InlineData("/bucket/a b", "/bucket/a%20b")]
    [InlineData("/bucket/x%2By+z", "/bucket/x%2By%2Bz")]
    [InlineData("/bucket/./a/../b", "/bucket/./a/../b")]
    [InlineData("/bucket//double", "/bucket//double")]
    [InlineData("/bucket/%E6%97%A5", "/bucket/%E6%97%A5")]
    [InlineData("", "/")]
    public void Uri_S3_EncodesEachSegmentOnceAndKeepsDotSegments(string raw, string expected) =>
        Assert.Equal(expected, CanonicalRequest.Uri(raw, isS3: true));

    [Theory]
    [InlineData("/lab%20sts/", "/lab%2520sts/")]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/../x", "/x")]
    [InlineData("/~user/x-y_z.", "/~user/x-y_z.")]
    [InlineData("/", "/")]
    public void Uri_OtherServices_NormalizesThenEncodesTwice(string raw, string expected) =>
        Assert.Equal(expected, CanonicalRequest.Uri(raw, isS3: false));

    [Fact]
    public void Query_SortsByEncodedNameThenValueAndEncodesSpaceAsPercent20()
    {
        KeyValuePair<string, string>[] query =
        [
            KeyValuePair.Create("b", "2"),
            KeyValuePair.Create("a", "z"),
            KeyValuePair.Create("a", "y w"),
            KeyValuePair.Create("A", "1"),
            KeyValuePair.Create("prefix", "a/b+c"),
            KeyValuePair.Create("empty", ""),
        ];

        Assert.Equal("A=1&a=y%20w&a=z&b=2&empty=&prefix=a%2Fb%2Bc", CanonicalRequest.Query(query, exclude: null));
    }

    [Fact]
    public void Query_ExcludedParameter_IsLeftOut() =>
        Assert.Equal("X-Amz-Date=1", CanonicalRequest.Query([KeyValuePair.Create("X-Amz-Signature", "abc"), KeyValuePair.Create("X-Amz-Date", "1")], "X-Amz-Signature"));

    [Fact]
    public void HeaderValue_TrimsCollapsesSpacesAndJoinsRepeatsWithCommas() =>
        Assert.Equal("a b c,d", CanonicalRequest.HeaderValue(["  a   b  c ", "d"]));

    [Fact]
    public void ParseQueryString_ReadsPlusAsSpaceLikeTheHandlersAndDecodesPercentEscapes()
    {
        var pairs = SignedRequest.ParseQueryString("?a=x+y%20z%2B&flag&c=%2F");

        Assert.Equal([KeyValuePair.Create("a", "x y z+"), KeyValuePair.Create("flag", ""), KeyValuePair.Create("c", "/")], pairs);
    }

    [Fact]
    public void Encode_LeavesOnlyUnreservedCharacters() =>
        Assert.Equal("AZaz09-_.~%20%2F%2A%27%C3%A9", AwsUriEncoding.Encode("AZaz09-_.~ /*'é"));
}
