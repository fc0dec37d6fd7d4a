using System.Xml;
using IamLab.Scenarios.Reports;

namespace IamLab.Scenarios.Tests.Reports;

public class SafeTextTests
{
    [Fact]
    public void Terminal_ShowsEscapeSequencesAsText_AndKeepsTabsAndPrintableText()
    {
        Assert.Equal("a\\u001b[31mred\\u001b[0m\tok é", SafeText.Terminal("a\u001b[31mred\u001b[0m\tok é"));
        Assert.Equal("one\\u000atwo\\u000dthree", SafeText.Terminal("one\ntwo\rthree"));
        Assert.Equal("x\\u009by\\u007f", SafeText.Terminal("x\u009by\u007f"));
        Assert.Equal("abc\\u202edcba", SafeText.Terminal("abc\u202edcba"));
    }

    [Fact]
    public void Xml_ReplacesWhatXmlCannotHold_AndTheResultIsWritable()
    {
        var text = "ok\u0001bell\u0007 lone\uD800 pair😀 \uFFFE end";

        var safe = SafeText.Xml(text);

        Assert.Equal("ok\\u0001bell\\u0007 lone\\ud800 pair😀 \\ufffe end", safe);
        using var writer = XmlWriter.Create(new StringWriter());
        writer.WriteElementString("x", safe);
    }

    [Fact]
    public void Xml_LeavesCleanTextAsItIs()
    {
        const string Clean = "Statement 1 \"Sid\": <AllowAll> & more\n\ttab";
        Assert.Same(Clean, SafeText.Xml(Clean));
    }

    [Fact]
    public void MarkdownInline_EscapesSyntax_SoNothingRendersAsLinkImageOrHtml()
    {
        Assert.Equal("\\!\\[x\\](http:&#47;&#47;evil)", SafeText.MarkdownInline("![x](http://evil)"));
        Assert.Equal("see www&#46;evil.example", SafeText.MarkdownInline("see www.evil.example"));
        Assert.Equal("\\<img src=x onerror=alert(1)\\> a\\|b \\`code\\` \\*\\*bold\\*\\* \\&amp; \\~\\~s\\~\\~", SafeText.MarkdownInline("<img src=x onerror=alert(1)> a|b `code` **bold** &amp; ~~s~~"));
        Assert.Equal("Cross-account access with an ExternalId: arn:aws:iam::1:root.", SafeText.MarkdownInline("Cross-account access with an ExternalId: arn:aws:iam::1:root."));
        Assert.Equal("line one line two", SafeText.MarkdownInline("line one\nline two"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("alice", "alice")]
    [InlineData("a,b", "\"a,b\"")]
    public void CsvField_DisarmsFormulas_AndQuotes(string value, string expected)
    {
        Assert.Equal(expected, SafeText.CsvField(value));
    }
}
