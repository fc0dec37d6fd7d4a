using System.Reflection;
using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>plotly.js as shipped inside Plotly.NET (an embedded resource), wrapped so that it always defines <c>window.Plotly</c>.</summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Text = new(Load);

    /// <summary>
    /// The <c>&lt;script&gt;</c> element that defines <c>window.Plotly</c>. plotly.js is a UMD bundle: under RequireJS
    /// (classic Jupyter) it would register an AMD module and leave <c>window.Plotly</c> undefined, so it runs inside a
    /// function whose <c>define</c>, <c>module</c> and <c>exports</c> are undefined.
    /// </summary>
    public static string ScriptElement => Text.Value;

    /// <summary>The plotly.js version inside Plotly.NET.</summary>
    public static string Version { get; } = ResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    private static string ResourceName() =>
        typeof(GenericChart).Assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));

    private static string Load()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(ResourceName())
            ?? throw new InvalidOperationException("Plotly.NET does not carry plotly.js; the charts cannot be drawn offline.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd();

        // INVARIANT: the bundle must not close the script element early.
        script = script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return "<script type=\"text/javascript\" data-iamlab-plotly=\"" + Version + "\">(function(define, module, exports){\n" + script
            + "\n}).call(window, undefined, undefined, undefined);</script>";
    }

    internal static Assembly Assembly => typeof(GenericChart).Assembly;
}
