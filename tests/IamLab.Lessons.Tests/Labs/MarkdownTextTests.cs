using IamLab.Lessons.Labs;

namespace IamLab.Lessons.Tests.Labs;

/// <summary>A lesson's markdown as terminal text.</summary>
public sealed class MarkdownTextTests
{
    [Fact]
    public void Render_UnderlinesHeadings_DropsEmphasisAndTags_AndWritesLinksWithTheirAddress()
    {
        var text = MarkdownText.Render("# Title\n\nBoth **must** say yes; see [the docs](https://docs.aws.amazon.com/x).\n\n## Part\n<details><summary>Why</summary>\n\nBecause.\n</details>");

        Assert.Equal("Title\n=====\n\nBoth must say yes; see the docs (https://docs.aws.amazon.com/x).\n\nPart\n----\n▸ Why\n\nBecause.\n", text);
    }

    [Fact]
    public void Render_KeepsCodeAsWritten_Indented()
    {
        var text = MarkdownText.Render("Run:\n```bash\n# not a heading\niamlab grade **x**\n```");

        Assert.Equal("Run:\n    # not a heading\n    iamlab grade **x**\n", text);
    }
}
