using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace IamLab.Notebooks;

/// <summary>
/// The kernel a notebook runs in headless: a <see cref="CompositeKernel"/> holding one <see cref="CSharpKernel"/> with the
/// kernel helpers (<c>display</c>), value sharing and the <c>#r "nuget:..."</c> / <c>#i</c> directives, wired the way
/// the Polyglot Notebooks host wires them. A package that carries a kernel extension under
/// <c>interactive-extensions/dotnet</c> has it loaded when the package is referenced, as that host does.
/// </summary>
public static class LabKernel
{
    /// <summary>The name of the C# kernel, as notebooks' cell metadata names it.</summary>
    public const string CSharp = "csharp";

    /// <summary>Creates the kernel; dispose it when the notebook is done.</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        csharp.UseNugetDirective(async (kernel, references) =>
        {
            var paths = references.SelectMany(r => r.AssemblyPaths).ToList();
            kernel.AddAssemblyReferences(paths);
            PackageAssemblyResolver.Add(paths);
            await ExtensionPackages.LoadAsync(references, kernel.RootKernel).ConfigureAwait(false);
        });
        var root = new CompositeKernel { csharp };
        root.DefaultKernelName = CSharp;
        return root;
    }
}
