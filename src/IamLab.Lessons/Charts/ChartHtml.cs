using System.Text;
using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>
/// A Plotly.NET chart as HTML that draws offline: with <c>includeScript</c> it carries plotly.js (about 3.6 MB, see
/// <see cref="PlotlyScript"/>) and defines <c>window.Plotly</c>; without, it only calls that global, waiting for it
/// briefly, so that outputs (or page sections) that load in order all draw. The notebook's formatter and the labs apps'
/// pages both write charts with it.
/// </summary>
public static class ChartHtml
{
    /// <summary>The HTML of <paramref name="chart"/>; <paramref name="includeScript"/> puts plotly.js in front of it.</summary>
    public static string Of(GenericChart chart, bool includeScript)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var id = "iamlab-chart-" + Guid.NewGuid().ToString("N");

        // '<' only occurs inside JSON strings, where \u003c means the same; this keeps user text from closing the script.
        var figure = GenericChart.toFigureJson(chart).Replace("<", "\\u003c", StringComparison.Ordinal);
        var html = new StringBuilder();
        html.Append("<div class=\"iamlab-chart\">");
        if (includeScript)
        {
            html.Append(PlotlyScript.ScriptElement);
        }

        html.Append("<div id=\"").Append(id).Append("\" class=\"iamlab-chart-plot\"></div>");
        html.Append("<script type=\"text/javascript\">(function(){var id='").Append(id).Append("';var fig=").Append(figure).Append(';')
            .Append("function draw(){window.Plotly.newPlot(id,fig.data,fig.layout,{responsive:true,displaylogo:false});}")
            .Append("if(window.Plotly){draw();}else{var tries=0;var timer=setInterval(function(){if(window.Plotly){clearInterval(timer);draw();}")
            .Append("else if(++tries>200){clearInterval(timer);var el=document.getElementById(id);if(el){el.textContent='plotly.js is not loaded in this page: run the first chart cell of the notebook again.';}}},50);}")
            .Append("})();</script></div>");
        return html.ToString();
    }
}
