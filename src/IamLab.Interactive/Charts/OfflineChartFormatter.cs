using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

using IamLab.Lessons.Charts;

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
        return ChartHtml.Of(chart, includeScript);
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
