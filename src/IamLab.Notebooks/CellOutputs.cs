using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace IamLab.Notebooks;

/// <summary>
/// Collects one cell's kernel events into notebook outputs, as a notebook front end shows them: displayed and returned
/// values (every MIME type the formatter produced, with <c>text/plain</c> added when it did not), standard output and
/// error, and the error that failed the cell. An update of a displayed value replaces it in place.
/// </summary>
internal sealed class CellOutputs
{
    private readonly List<InteractiveDocumentOutputElement> outputs = [];
    private readonly Dictionary<string, int> displayed = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The error that failed the cell, if one did.</summary>
    public string? Error { get; private set; }

    /// <summary>The outputs so far, in the order they arrived.</summary>
    public List<InteractiveDocumentOutputElement> Snapshot()
    {
        lock (gate)
        {
            return [.. outputs];
        }
    }

    /// <summary>Takes one event of the cell's command (others are ignored).</summary>
    public void Add(KernelEvent e, int executionOrder)
    {
        lock (gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced o:
                    outputs.Add(new TextElement(Text(o), "stdout"));
                    break;
                case StandardErrorValueProduced o:
                    outputs.Add(new TextElement(Text(o), "stderr"));
                    break;
                case ReturnValueProduced r:
                    var value = new ReturnValueElement { ExecutionOrder = executionOrder };
                    foreach (var (mime, text) in Data(r))
                    {
                        value.Data[mime] = text;
                    }

                    outputs.Add(value);
                    break;
                case DisplayedValueUpdated u when u.ValueId is { } id && displayed.TryGetValue(id, out var at):
                    outputs[at] = new DisplayElement(Data(u));
                    break;
                case DisplayedValueProduced or DisplayedValueUpdated:
                    var display = (DisplayEvent)e;
                    if (display.ValueId is { } newId)
                    {
                        displayed[newId] = outputs.Count;
                    }

                    outputs.Add(new DisplayElement(Data(display)));
                    break;
                case ErrorProduced p:
                    outputs.Add(ErrorOutput(p.Message, "Error"));
                    break;
                case CommandFailed f:
                    Error = f.Message;
                    outputs.Add(ErrorOutput(f.Message, f.Exception?.GetType().Name ?? "Error"));
                    break;
            }
        }
    }

    /// <summary>Records a failure the kernel did not report (the cell timed out).</summary>
    public void Fail(string message)
    {
        lock (gate)
        {
            Error = message;
            outputs.Add(ErrorOutput(message, "Timeout"));
        }
    }

    /// <summary>An error output (the element's constructor takes the value before the name: (evalue, ename, traceback)).</summary>
    private static ErrorElement ErrorOutput(string message, string name) => new(message, name, []);

    private static string Text(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault()?.Value ?? e.Value?.ToString() ?? string.Empty;

    private static Dictionary<string, object> Data(DisplayEvent e)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var formatted in e.FormattedValues)
        {
            data[formatted.MimeType] = formatted.Value;
        }

        if (!data.ContainsKey(PlainTextFormatter.MimeType) && e.Value is { } value)
        {
            data[PlainTextFormatter.MimeType] = value.ToDisplayString(PlainTextFormatter.MimeType);
        }

        return data;
    }
}
