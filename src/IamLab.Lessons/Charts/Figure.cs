using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>Builds Plotly.NET charts from plotly.js attribute names (Plotly.NET's dynamic trace and layout objects).</summary>
internal static class Figure
{
    /// <summary>A trace of <paramref name="type"/> with the given attributes.</summary>
    public static Trace Trace(string type, IReadOnlyDictionary<string, object?> attributes)
    {
        var trace = new Trace(type);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                trace.SetProperty(name, value);
            }
        }

        return trace;
    }

    /// <summary>A chart of <paramref name="traces"/> with a layout of the given attributes.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, IReadOnlyDictionary<string, object?> layoutAttributes)
    {
        // Plotly.NET's defaults draw 600 px wide; notebooks have room for more.
        var layout = new Layout();
        layout.SetProperty("width", 960);
        foreach (var (name, value) in layoutAttributes)
        {
            if (value is not null)
            {
                layout.SetProperty(name, value);
            }
        }

        var chart = GenericChart.ofTraceObjects(true, traces.ToArray());
        return GenericChart.addLayout(layout, chart);
    }
}
