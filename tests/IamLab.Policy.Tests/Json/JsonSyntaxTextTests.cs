using Xunit;
using IamLab.Policy.Validation;

namespace IamLab.Policy.Tests.Json;

/// <summary>The learner reads the parser's complaint: it must name the mistake and carry no advice for programmers.</summary>
public sealed class JsonSyntaxTextTests
{
    [Theory]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",}]}", "A comma stands before the closing '}'")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"},]}", "A comma stands before the closing ']'")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [", "The text ends before every '{' and '[' is closed.")]
    public void Common_mistakes_are_named_in_plain_words(string text, string expected)
    {
        var findings = PolicyValidator.Validate(text, DocumentKind.Identity);

        var syntax = Assert.Single(findings.Diagnostics, f => f.Code == "JSON_SYNTAX");
        Assert.Contains(expected, syntax.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", syntax.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", syntax.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_messages_keep_the_parser_words_without_the_position()
    {
        var described = IamLab.Policy.Json.JsonSyntaxText.Describe("'x' is invalid after a value. Expected either ',', '}', or ']'. LineNumber: 3 | BytePositionInLine: 7.");

        Assert.Equal("'x' is invalid after a value. Expected either ',', '}', or ']'.", described);
    }
}
