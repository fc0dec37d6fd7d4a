using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace IamLab.Interactive.Charts;

/// <summary>
/// Renders every Plotly.NET chart as HTML that draws offline: the first chart shown in a kernel session carries plotly.js
/// (about 3.6 MB) and defines <c>window.Plotly</c>; later ones only call that global (waiting for it briefly, so outputs
/// that load in order all draw). Charts formatted outside a kernel (no invocation context) always carry the script.
/// </summary>
public static class OfflineChartFormatter
{
    private static readonly ConditionalWeakTable<Kernel, object> KernelsWithScript = [];
    private static int registered;

    /// <summary>Registers the formatter for <see cref="GenericChart"/> as text/html (once per process).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ToHtml(chart, NeedsScript())), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), HtmlFormatter.MimeType);
    }

    /// <summary>Forgets which kernels have the script (the formatter registrations are reset by the caller, e.g. a test).</summary>
    internal static void Reset() => Interlocked.Exchange(ref registered, 0);

    /// <summary>The HTML of <paramref name="chart"/>; <paramref name="includeScript"/> puts plotly.js in front of it.</summary>
    public static string ToHtml(GenericChart chart, bool includeScript)
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

    private static bool NeedsScript()
    {
        var root = KernelInvocationContext.Current?.HandlingKernel?.RootKernel;
        if (root is null)
        {
            return true;
        }

        lock (KernelsWithScript)
        {
            if (KernelsWithScript.TryGetValue(root, out _))
            {
                return false;
            }

            KernelsWithScript.Add(root, new object());
            return true;
        }
    }
}
