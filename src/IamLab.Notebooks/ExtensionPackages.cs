using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;

namespace IamLab.Notebooks;

/// <summary>
/// Loads the kernel extensions that NuGet packages carry under <c>interactive-extensions/dotnet</c>: every public,
/// non-abstract <see cref="IKernelExtension"/> with a parameterless constructor in the folder's assemblies, given the
/// root kernel, once per kernel.
/// </summary>
internal static class ExtensionPackages
{
    private static readonly ConditionalWeakTable<Kernel, HashSet<string>> LoadedInto = new();

    public static async Task LoadAsync(IEnumerable<ResolvedPackageReference> references, Kernel rootKernel)
    {
        foreach (var reference in references)
        {
            if (string.IsNullOrEmpty(reference.PackageRoot))
            {
                continue;
            }

            var folder = Path.Combine(reference.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                var loaded = LoadedInto.GetOrCreateValue(rootKernel);
                lock (loaded)
                {
                    // INVARIANT: a kernel gets each extension assembly once, however often its package is referenced.
                    if (!loaded.Add(Path.GetFullPath(dll)))
                    {
                        continue;
                    }
                }

                foreach (var extension in ExtensionsIn(dll))
                {
                    await extension.OnLoadAsync(rootKernel).ConfigureAwait(false);
                }
            }
        }
    }

    private static List<IKernelExtension> ExtensionsIn(string dll)
    {
        // An assembly of the same name already in the process (a host that references the extension itself, as the
        // tests do) is the one the kernel's code binds to: use it rather than load a second copy from another path.
        var name = AssemblyName.GetAssemblyName(dll);
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()))
            ?? Assembly.LoadFrom(dll); // LoadFrom also resolves the extension's own dependencies from its folder.
        return assembly.GetExportedTypes()
            .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IKernelExtension)Activator.CreateInstance(t)!)
            .ToList();
    }
}
