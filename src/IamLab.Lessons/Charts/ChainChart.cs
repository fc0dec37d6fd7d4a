using System.Net;
using System.Text;
using IamLab.Lessons.Chains;

using Plotly.NET;

namespace IamLab.Lessons.Charts;

/// <summary>
/// Draws a <see cref="ChainPicture"/>: the chain's boxes left to right (origin first), the refused calls in red on a
/// row below the box they were made from, and an arrow per call labelled with the call and the trust statement that
/// allowed it (or AWS's error). Boxes are layout shapes and their text annotations; an invisible marker per box carries
/// the box's whole text as hover text.
/// </summary>
public static class ChainChart
{
    private const double Half = 0.43;
    private const int WrapAt = 36;

    /// <summary>Builds the chart.</summary>
    public static GenericChart Build(ChainPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var positions = Positions(picture);
        var shapes = new List<object>();
        var annotations = new List<object>();
        for (var i = 0; i < picture.Boxes.Count; i++)
        {
            var box = picture.Boxes[i];
            var (x, y) = positions[i];
            var (fill, border) = box.Refused ? ("#ffebe9", ChartColours.Red) : box.Expired ? ("#eaeef2", "#57606a") : i == 0 ? ("#fff8c5", "#9a6700") : ("#ddf4ff", "#0969da");
            shapes.Add(new Dictionary<string, object>
            {
                ["type"] = "rect",
                ["x0"] = x - Half,
                ["x1"] = x + Half,
                ["y0"] = y - Half,
                ["y1"] = y + Half,
                ["fillcolor"] = fill,
                ["line"] = new Dictionary<string, object> { ["color"] = border, ["width"] = box.Refused ? 3 : 2 },
                ["layer"] = "below",
            });
            annotations.Add(Text(x, y + Half - 0.04, $"<b>{Encode(box.Title)}</b>{(box.Refused ? " <b>(refused)</b>" : box.Expired ? " (expired)" : string.Empty)}",
                13, box.Refused ? ChartColours.Red : "#1f2328", "top"));
            annotations.Add(Text(x, y + Half - 0.16, string.Join("<br>", box.Lines.SelectMany(l => Wrap(l)).Take(11).Select(Encode)), 10,
                box.Refused ? ChartColours.Red : "#1f2328", "top"));
        }

        foreach (var arrow in picture.Arrows)
        {
            var (fx, fy) = positions[arrow.From];
            var (tx, ty) = positions[arrow.To];
            var refused = picture.Boxes[arrow.To].Refused;
            var sameRow = Math.Abs(fy - ty) < 0.01;
            var (ax, ay, hx, hy) = sameRow ? (fx + Half, fy, tx - Half, ty) : (fx, fy - Half, tx, ty + Half);
            annotations.Add(new Dictionary<string, object>
            {
                ["x"] = hx,
                ["y"] = hy,
                ["ax"] = ax,
                ["ay"] = ay,
                ["xref"] = "x",
                ["yref"] = "y",
                ["axref"] = "x",
                ["ayref"] = "y",
                ["showarrow"] = true,
                ["arrowhead"] = 3,
                ["arrowsize"] = 1.4,
                ["arrowwidth"] = 2,
                ["arrowcolor"] = refused ? ChartColours.Red : "#57606a",
                ["text"] = string.Empty,
            });
            var label = new Dictionary<string, object>(Text((ax + hx) / 2, ((ay + hy) / 2) + (sameRow ? 0.06 : 0), $"<b>{Encode(arrow.Call)}</b><br>{string.Join("<br>", Wrap(arrow.Because, 22).Select(Encode))}",
                10, refused ? ChartColours.Red : "#1f2328", "bottom"))
            {
                ["bgcolor"] = "rgba(255,255,255,0.92)",
            };
            annotations.Add(label);
        }

        var columns = positions.Max(p => p.X) + 1;
        var refusedRow = positions.Any(p => p.Y < 0);
        var hover = Figure.Trace("scatter", new Dictionary<string, object?>
        {
            ["name"] = "hops",
            ["mode"] = "markers",
            ["x"] = positions.Select(p => p.X).ToArray(),
            ["y"] = positions.Select(p => p.Y).ToArray(),
            ["marker"] = new Dictionary<string, object> { ["size"] = 40, ["opacity"] = 0 },
            ["hovertext"] = picture.Boxes.Select(b => Encode(b.Title) + "<br>" + string.Join("<br>", b.Lines.Select(Encode))).ToArray(),
            ["hoverinfo"] = "text",
            ["showlegend"] = false,
        });
        return Figure.Chart([hover], new Dictionary<string, object?>
        {
            ["title"] = new Dictionary<string, object> { ["text"] = $"The chain of {Encode(picture.Subject)} at {IamLab.Lessons.Text.Times.Iso(picture.Now)} (origin first; red: refused by STS)" },
            ["width"] = Math.Max(760, (270 * columns) + 60),
            ["height"] = refusedRow ? 640 : 380,
            ["xaxis"] = new Dictionary<string, object> { ["visible"] = false, ["range"] = new[] { -0.55, columns - 0.45 } },
            ["yaxis"] = new Dictionary<string, object> { ["visible"] = false, ["range"] = refusedRow ? new[] { -1.75, 0.55 } : new[] { -0.55, 0.55 } },
            ["shapes"] = shapes,
            ["annotations"] = annotations,
            ["margin"] = new Dictionary<string, object> { ["l"] = 20, ["r"] = 20, ["t"] = 50, ["b"] = 20 },
            ["showlegend"] = false,
        });
    }

    /// <summary>Chain boxes in a row (x = 0, 1, ...); each refused call on the row below, in the first free column at or right of the next hop's.</summary>
    internal static List<(double X, double Y)> Positions(ChainPicture picture)
    {
        var positions = new List<(double X, double Y)>();
        var nextFree = 0;
        for (var i = 0; i < picture.Boxes.Count; i++)
        {
            if (i < picture.ChainLength)
            {
                positions.Add((i, 0));
                continue;
            }

            var from = picture.Arrows.First(a => a.To == i).From;
            var column = Math.Max(from + 1, nextFree);
            nextFree = column + 1;
            positions.Add((column, -1.2));
        }

        return positions;
    }

    private static Dictionary<string, object> Text(double x, double y, string text, int size, string colour, string anchor) => new()
    {
        ["x"] = x,
        ["y"] = y,
        ["xref"] = "x",
        ["yref"] = "y",
        ["text"] = text,
        ["showarrow"] = false,
        ["yanchor"] = anchor,
        ["font"] = new Dictionary<string, object> { ["size"] = size, ["color"] = colour },
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Breaks a line at spaces, slashes, colons and commas so that no piece is much longer than a box is wide.</summary>
    internal static IEnumerable<string> Wrap(string line) => Wrap(line, WrapAt);

    private static IEnumerable<string> Wrap(string line, int width)
    {
        var current = new StringBuilder();
        foreach (var ch in line)
        {
            current.Append(ch);
            if (current.Length >= width && ch is ' ' or '/' or ':' or ',')
            {
                yield return current.ToString().TrimEnd();
                current.Clear();
            }
            else if (current.Length >= width + 14)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
