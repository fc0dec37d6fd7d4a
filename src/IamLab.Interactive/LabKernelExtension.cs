using System.Runtime.CompilerServices;
using IamLab.Interactive.Charts;
using IamLab.Interactive.Commands;
using IamLab.Interactive.Formatting;
using IamLab.Interactive.Hosting;
using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive;

/// <summary>
/// The IamLab kernel extension. .NET Interactive loads it from the package's <c>interactive-extensions/dotnet</c> folder
/// when a notebook runs <c>#r "nuget:IamLab.Interactive, *-*"</c>; a cell can also call <see cref="Load"/>. Loading installs
/// the loader of the package's own dependencies, the FSharp.Core fix, the offline chart formatter and the lab's HTML formatters, and adds the <c>#!lab-*</c> commands
/// to the C# kernel.
/// </summary>
public sealed class LabKernelExtension : IKernelExtension
{
    private static readonly ConditionalWeakTable<Kernel, LabNotebook> Loaded = [];

    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        var notebook = Load(kernel);
        KernelInvocationContext.Current?.DisplayAs(
            $"IamLab extension loaded: {LabCommands.Directives.Count} commands on the {TargetOf(kernel).Name} kernel (#!lab-help lists them).", "text/plain");
        GC.KeepAlive(notebook);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Loads the extension into <paramref name="kernel"/> (a composite kernel's C# kernel, or the kernel itself) and
    /// returns the notebook state its commands share. Loading the same kernel again returns the same state.
    /// </summary>
    public static LabNotebook Load(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (LabDependencyResolver.FolderBeside(typeof(LabKernelExtension).Assembly.Location) is { } dependencies)
        {
            LabDependencyResolver.Install(dependencies);
        }

        FSharpCoreResolver.Install();
        OfflineChartFormatter.Register();
        LabFormatters.Register();
        var target = TargetOf(kernel);
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(target, out var notebook))
            {
                notebook = new LabNotebook();
                LabCommands.Register(target, notebook);
                Loaded.Add(target, notebook);
            }

            Lab.Current = notebook;
            return notebook;
        }
    }

    private static Kernel TargetOf(Kernel kernel) =>
        kernel is CompositeKernel composite ? composite.FindKernelByName("csharp") ?? composite.ChildKernels.FirstOrDefault() ?? kernel : kernel;
}
