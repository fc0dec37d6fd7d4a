using IamLab.Endpoint.S3;
using Xunit;

namespace IamLab.Endpoint.Tests.S3;

/// <summary>The Range header of GetObject (RFC 9110 byte ranges, one range as S3 serves).</summary>
public sealed class S3RangeTests
{
    [Theory]
    [InlineData("bytes=0-3", 0, 3)]
    [InlineData("bytes=5-", 5, 9)]
    [InlineData("bytes=-3", 7, 9)]
    [InlineData("bytes=-30", 0, 9)]
    [InlineData("bytes=8-100", 8, 9)]
    public void AValidRange_IsClampedToTheObject(string header, long first, long last)
    {
        var range = S3Range.Parse(header, 10, out var unsatisfiable);

        Assert.Equal(new S3Range(first, last), range);
        Assert.False(unsatisfiable);
    }

    [Theory]
    [InlineData("bytes=10-")]
    [InlineData("bytes=10-20")]
    [InlineData("bytes=-0")]
    public void ARangeOutsideTheObject_IsUnsatisfiable(string header)
    {
        Assert.Null(S3Range.Parse(header, 10, out var unsatisfiable));
        Assert.True(unsatisfiable);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("items=0-3")]
    [InlineData("bytes=0-1,4-5")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=abc")]
    public void AHeaderThatIsNotOneByteRange_IsIgnored(string? header)
    {
        Assert.Null(S3Range.Parse(header, 10, out var unsatisfiable));
        Assert.False(unsatisfiable);
    }
}
