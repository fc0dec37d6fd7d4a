using IamLab.Interactive.Charts;
using IamLab.Interactive.Tests.Extension;
using IamLab.Lessons.Charts;

namespace IamLab.Interactive.Tests.Charts;

/// <summary>The notebook's chart formatter: plotly.js inlined once (offline), labels kept from closing the script.</summary>
[Collection(KernelTestGroup.Name)]
public sealed class OfflineChartFormatterTests
{
    [Fact]
    public void Chart_html_inlines_plotly_and_keeps_labels_from_closing_the_script()
    {
        var matrix = new DecisionMatrix(["</script><b>x</b>"], ["s3:GetObject"], "arn:aws:s3:::b/k", [["allowed"]]);
        var chart = DecisionMatrixChart.Build(matrix);

        var withScript = OfflineChartFormatter.ToHtml(chart, includeScript: true);
        var without = OfflineChartFormatter.ToHtml(chart, includeScript: false);

        Assert.Contains("(function(define, module, exports){", withScript);
        Assert.DoesNotContain("(function(define, module, exports){", without);
        Assert.True(withScript.Length > 3_000_000);
        Assert.True(without.Length < 100_000);
        Assert.DoesNotContain("</script><b>", without);
        Assert.Contains("\\u003c/script>\\u003cb>x\\u003c/b>", without);
        Assert.Contains("\"z\":[[1]]", without);
    }
}
