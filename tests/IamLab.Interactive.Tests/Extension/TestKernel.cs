using IamLab.World;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace IamLab.Interactive.Tests.Extension;

/// <summary>A composite kernel with a C# kernel and the extension loaded, as a notebook host has it.</summary>
public sealed class TestKernel : IDisposable
{
    public TestKernel(LabWorld? world = null)
    {
        CSharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        Composite = new CompositeKernel { CSharp };
        Composite.DefaultKernelName = CSharp.Name;
        Notebook = LabKernelExtension.Load(Composite);
        if (world is not null)
        {
            Notebook.Use(world);
        }
    }

    public CompositeKernel Composite { get; }

    public CSharpKernel CSharp { get; }

    public LabNotebook Notebook { get; }

    /// <summary>Runs one cell and gathers what it produced.</summary>
    public async Task<CellResult> RunAsync(string code)
    {
        var result = await Composite.SendAsync(new SubmitCode(code));
        return new CellResult(result.Events);
    }

    public void Dispose() => Composite.Dispose();
}

/// <summary>What a cell produced: its displayed HTML and text, and its failure message.</summary>
public sealed class CellResult(IReadOnlyList<KernelEvent> events)
{
    public IReadOnlyList<KernelEvent> Events { get; } = events;

    public string? Failure => Events.OfType<CommandFailed>().Select(f => f.Message).FirstOrDefault();

    public bool Succeeded => Events.OfType<CommandSucceeded>().Any() && Failure is null;

    public string Html => string.Join("\n", Events.OfType<DisplayEvent>().SelectMany(e => e.FormattedValues).Where(v => v.MimeType == "text/html").Select(v => v.Value));

    public string Text => string.Join("\n", Events.OfType<DisplayEvent>().SelectMany(e => e.FormattedValues).Where(v => v.MimeType == "text/plain").Select(v => v.Value));

    public IReadOnlyList<string> HtmlOutputs => Events.OfType<DisplayEvent>().SelectMany(e => e.FormattedValues).Where(v => v.MimeType == "text/html").Select(v => v.Value).ToList();
}
