using IamLab.Lessons.Labs;

namespace IamLab.Lessons.Tests.Labs;

/// <summary>A lesson's <c>#!lab-*</c> line split as .NET Interactive splits it.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Parse_ImplicitWordsOptionsAndFlags()
    {
        var line = CommandLine.Parse("#!lab-simulate s3:GetObject --resource arn:aws:s3:::b/k --why --context \"aws:SourceIp=203.0.113.7, aws:PrincipalTag/team=a b\" --expect allowed");

        Assert.Equal("#!lab-simulate", line.Name);
        Assert.Equal("s3:GetObject", line.Get("--action", isImplicit: true));
        Assert.Equal("arn:aws:s3:::b/k", line.Get("--resource"));
        Assert.True(line.Has("--why"));
        Assert.Equal(string.Empty, line.Get("--why"));
        Assert.Equal("aws:SourceIp=203.0.113.7, aws:PrincipalTag/team=a b", line.Get("--context"));
        Assert.Equal("allowed", line.Get("--expect"));
        Assert.Null(line.Get("--as"));
    }

    [Fact]
    public void Parse_AnExplicitOption_WinsOverTheImplicitWords_AndAQuotedValueMayStartWithDashes()
    {
        var line = CommandLine.Parse("#!lab-advance --by \"--20m\"");

        Assert.Null(line.Implicit);
        Assert.Equal("--20m", line.Get("--by", isImplicit: true));
    }
}
