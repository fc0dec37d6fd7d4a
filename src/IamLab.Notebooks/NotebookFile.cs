using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace IamLab.Notebooks;

/// <summary>Reads and writes <c>.ipynb</c> notebooks as .NET Interactive documents, turning every read failure into a message.</summary>
public static class NotebookFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The largest notebook read: notebooks are kilobytes without outputs, a few megabytes with charts inlined.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The kernels a notebook's cells may name; the host runs <c>csharp</c> cells and skips <c>markdown</c> ones.</summary>
    public static KernelInfoCollection KnownKernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo("csharp", "C#", ["c#", "C#", "cs"]),
            new KernelInfo("markdown", "Markdown", ["md"]),
            new KernelInfo("fsharp", "F#", ["f#", "F#", "fs"]),
            new KernelInfo("pwsh", "PowerShell", ["powershell"]),
            new KernelInfo("html", "HTML"),
            new KernelInfo("javascript", "JavaScript", ["js"]),
            new KernelInfo("mermaid", "Mermaid"),
            new KernelInfo("sql", "SQL"),
            new KernelInfo("kql", "KQL"),
            new KernelInfo("value", "Value"),
        };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    /// <summary>Reads a notebook file; on failure <paramref name="problem"/> says why, naming the file.</summary>
    public static bool TryRead(string path, out InteractiveDocument document, out string problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        document = null!;
        problem = string.Empty;
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = $"{path}: no such file.";
                return false;
            }

            if (info.Length > MaxBytes)
            {
                problem = $"{path}: the file is {info.Length:N0} bytes; the limit is {MaxBytes:N0}.";
                return false;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            problem = $"{path}: cannot read the file: {e.Message}";
            return false;
        }

        return TryParse(text, path, out document, out problem);
    }

    /// <summary>Parses notebook JSON; <paramref name="name"/> names it in the problem.</summary>
    public static bool TryParse(string json, string name, out InteractiveDocument document, out string problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        document = null!;
        problem = string.Empty;
        try
        {
            // The document reader accepts some JSON that is not a notebook (it yields no cells); check the shape first
            // so that a wrong file is named as such instead of "running" an empty notebook.
            using (var shape = JsonDocument.Parse(json))
            {
                if (shape.RootElement.ValueKind != JsonValueKind.Object
                    || !shape.RootElement.TryGetProperty("cells", out var cells)
                    || cells.ValueKind != JsonValueKind.Array)
                {
                    problem = $"{name}: not a Jupyter notebook (no \"cells\" array at the top level).";
                    return false;
                }
            }

            document = Notebook.Parse(json, KnownKernels());
            return true;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            problem = $"{name}: not valid JSON{where}: {e.Message}";
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException or InvalidCastException)
        {
            problem = $"{name}: not a notebook .NET Interactive can read: {e.Message}";
            return false;
        }
    }

    /// <summary>The notebook as <c>.ipynb</c> JSON, its notebook-level metadata written back as it was read.</summary>
    public static string ToJson(InteractiveDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        // The writer expects metadata["polyglot_notebook"] to be a KernelInfoCollection of its own making (and fails on
        // the dictionary its reader produces from VS Code's {"polyglot_notebook": {"kernelInfo": ...}}): write without
        // it, then put the notebook's own metadata back so that VS Code reads the file as it wrote it.
        var original = new Dictionary<string, object>(document.Metadata, StringComparer.Ordinal);
        var forWriter = new InteractiveDocument([.. document.Elements]);
        foreach (var (key, value) in original)
        {
            forWriter.Metadata[key] = value;
        }

        forWriter.Metadata.Remove("polyglot_notebook");
        forWriter.Metadata.Remove("kernelInfo");
        var json = JsonNode.Parse(Notebook.ToJupyterJson(forWriter, "C#"))!;
        json["metadata"] = JsonSerializer.SerializeToNode(original);
        return json.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes the notebook as <c>.ipynb</c>.</summary>
    public static void Write(InteractiveDocument document, string path) =>
        File.WriteAllText(path, ToJson(document), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
