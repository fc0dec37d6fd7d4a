using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>Draws a <see cref="DecisionMatrix"/> as a heat map: allowed green, implicitDeny light red, explicitDeny dark red, each cell labelled.</summary>
public static class DecisionMatrixChart
{
    /// <summary>Builds the chart.</summary>
    public static GenericChart Build(DecisionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var z = matrix.Decisions.Select(row => row.Select(Score).ToArray()).ToArray();
        var trace = Figure.Trace("heatmap", new Dictionary<string, object?>
        {
            ["x"] = matrix.Actions.ToArray(),
            ["y"] = matrix.Principals.ToArray(),
            ["z"] = z,
            ["text"] = matrix.Decisions.Select(r => r.ToArray()).ToArray(),
            ["texttemplate"] = "%{text}",
            ["hovertemplate"] = "%{y}<br>%{x}<br><b>%{text}</b><extra></extra>",
            ["zmin"] = -1,
            ["zmax"] = 1,
            ["showscale"] = false,
            ["xgap"] = 2,
            ["ygap"] = 2,
            ["colorscale"] = new object[]
            {
                new object[] { 0.0, "#82071e" }, new object[] { 0.25, "#82071e" },
                new object[] { 0.25, "#ffaba8" }, new object[] { 0.75, "#ffaba8" },
                new object[] { 0.75, "#2da44e" }, new object[] { 1.0, "#2da44e" },
            },
        });
        return Figure.Chart([trace], new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = $"Decisions on {matrix.Resource}" },
            ["xaxis"] = new Dictionary<string, object> { ["side"] = "top", ["type"] = "category" },
            ["yaxis"] = new Dictionary<string, object> { ["type"] = "category", ["autorange"] = "reversed", ["automargin"] = true },
            ["height"] = Math.Max(240, 120 + (40 * matrix.Principals.Count)),
        });
    }

    /// <summary>The heat map value of a decision: allowed 1, implicitDeny 0, explicitDeny -1 (anything else 0).</summary>
    public static int Score(string decision) => decision switch
    {
        "allowed" => 1,
        "explicitDeny" => -1,
        _ => 0,
    };
}
