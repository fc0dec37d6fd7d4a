using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamLab.Lessons.Authoring;

/// <summary>
/// Writes a lesson as a <c>.ipynb</c> the way VS Code's Polyglot Notebooks writes one: the <c>.net-csharp</c> kernelspec,
/// <c>polyglot_notebook.kernelInfo</c>, each cell's <c>polyglot_notebook.kernelName</c>, and no outputs. An exercise cell is
/// <c>#!lab-policy FILE</c> over its starter text and carries <c>"iamlab": {"exercise": FILE}</c> in its metadata.
/// </summary>
public static class NotebookJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The notebook's JSON, with "\n" line ends and a final newline.</summary>
    public static string Write(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var array = new JsonArray();
        foreach (var cell in lesson.Cells)
        {
            array.Add(cell.Kind == LessonCellKind.Markdown ? Markdown(cell.Text) : Code(cell));
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

    private static JsonObject Markdown(string text) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "markdown" } },
        ["source"] = Lines(text),
    };

    private static JsonObject Code(LessonCell cell)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        var text = cell.Text;
        if (cell.ExerciseFile is { } file)
        {
            metadata["iamlab"] = new JsonObject { ["exercise"] = file };
            text = $"#!lab-policy {file}\n{text}";
        }

        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = Lines(text),
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
