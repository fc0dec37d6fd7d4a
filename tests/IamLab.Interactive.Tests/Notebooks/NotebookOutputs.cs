using System.Text;
using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>Reads the outputs of an executed notebook's cells.</summary>
internal static class NotebookOutputs
{
    /// <summary>All the text of one cell's outputs (every MIME type, stdout, errors), concatenated.</summary>
    public static string TextOf(InteractiveDocumentElement cell)
    {
        var text = new StringBuilder();
        foreach (var output in cell.Outputs)
        {
            switch (output)
            {
                case DisplayElement d:
                    foreach (var value in d.Data.Values)
                    {
                        text.Append(AsText(value)).Append('\n');
                    }

                    break;
                case ReturnValueElement r:
                    foreach (var value in r.Data.Values)
                    {
                        text.Append(AsText(value)).Append('\n');
                    }

                    break;
                case TextElement t:
                    text.Append(t.Text).Append('\n');
                    break;
                case ErrorElement e:
                    text.Append(e.ErrorName).Append(": ").Append(e.ErrorValue).Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The text/html outputs of the notebook's cells, in order.</summary>
    public static IEnumerable<string> Html(InteractiveDocument notebook) =>
        notebook.Elements.SelectMany(c => c.Outputs).SelectMany(o => o switch
        {
            DisplayElement d => d.Data,
            ReturnValueElement r => r.Data,
            _ => (IEnumerable<KeyValuePair<string, object>>)[],
        }).Where(kv => kv.Key == "text/html").Select(kv => AsText(kv.Value));

    /// <summary>An output's data as text: a string as it is, and a Jupyter multi-line string (an array) joined.</summary>
    private static string AsText(object? value) => value switch
    {
        string s => s,
        IEnumerable<object> lines => string.Concat(lines.Select(l => l?.ToString())),
        null => string.Empty,
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The cells whose text starts with the given command (e.g. "#!lab-grade").</summary>
    public static IEnumerable<InteractiveDocumentElement> CellsStartingWith(InteractiveDocument notebook, string command) =>
        notebook.Elements.Where(c => c.Contents.TrimStart().StartsWith(command, StringComparison.Ordinal));
}
