using IamLab.Scenarios.Attacks;

namespace IamLab.Scenarios.Tests.Attacks;

/// <summary>A findings file: four known fields, each one value; anything else is refused with the learner file's codes.</summary>
public class FindingsReaderTests
{
    [Fact]
    public void TheFourFields_AreRead_AndAnEmptyOneNamesNothing()
    {
        var (findings, problems) = FindingsReader.Read("eventId: \" 53C7 \"\nsessionName: \"\"\nsourceIp: 203.0.113.66\n", "findings.yaml");

        Assert.Empty(problems);
        Assert.Equal("53C7", findings!.Value(FindingsFile.EventId));
        Assert.Null(findings.Value(FindingsFile.SessionName));
        Assert.Null(findings.Value(FindingsFile.AccessKeyId));
    }

    [Theory]
    [InlineData("eventIds: [a, b]\n", LabFileCodes.UnknownField, 1)]
    [InlineData("eventId: [a, b]\n", LabFileCodes.WrongType, 1)]
    [InlineData("eventId: a\neventId: b\n", LabFileCodes.YamlSyntax, 2)] // YamlDotNet refuses a key given twice while parsing
    public void AnythingElse_IsRefusedWithItsLine(string text, string code, int line)
    {
        var (findings, problems) = FindingsReader.Read(text, "findings.yaml");

        Assert.Null(findings);
        var problem = Assert.Single(problems);
        Assert.Equal((code, line), (problem.Code, problem.Spot.Line));
    }
}
