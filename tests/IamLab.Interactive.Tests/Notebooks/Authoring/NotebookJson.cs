using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamLab.Interactive.Tests.Notebooks.Authoring;

/// <summary>
/// Writes cells as a <c>.ipynb</c> the way VS Code's Polyglot Notebooks writes one: the <c>.net-csharp</c> kernelspec,
/// <c>polyglot_notebook.kernelInfo</c>, each cell's <c>polyglot_notebook.kernelName</c>, and no outputs.
/// Exercise cells carry <c>"iamlab": {"exercise": FILE}</c> in their metadata.
/// </summary>
internal static class NotebookJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<SourceCell> cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            array.Add(cell.Kernel == "markdown" ? Markdown(cell) : Code(cell));
        }

        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(
                            new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" },
                            new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "Markdown", ["name"] = "markdown" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(Options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Markdown(SourceCell cell) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "markdown" } },
        ["source"] = Lines(cell.Text),
    };

    private static JsonObject Code(SourceCell cell)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (cell.ExerciseFile is { } file)
        {
            metadata["iamlab"] = new JsonObject { ["exercise"] = file };
        }

        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = Lines(cell.Text),
        };
    }

    /// <summary>Jupyter's multi-line string: each line keeps its "\n" except the last.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = text.Split('\n');
        var array = new JsonArray();
        for (var i = 0; i < lines.Length; i++)
        {
            array.Add(i < lines.Length - 1 ? lines[i] + "\n" : lines[i]);
        }

        return array;
    }
}
