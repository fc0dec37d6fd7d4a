using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace IamLab.Notebooks;

/// <summary>
/// Lets the process load the assemblies of packages referenced with <c>#r "nuget:..."</c> when something other than a
/// cell asks for them first: a kernel extension loaded from a package's <c>interactive-extensions/dotnet</c> folder
/// depends on assemblies that sit in the package's <c>lib/</c> folder or in other packages.
/// </summary>
internal static class PackageAssemblyResolver
{
    private static readonly ConcurrentDictionary<string, string> PathsByName = new(StringComparer.OrdinalIgnoreCase);
    private static int installed;

    /// <summary>Remembers the assemblies' paths (the first path seen for a name wins) and installs the handler once.</summary>
    public static void Add(IEnumerable<string> assemblyPaths)
    {
        foreach (var path in assemblyPaths)
        {
            PathsByName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        if (Interlocked.Exchange(ref installed, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is { } simple && PathsByName.TryGetValue(simple, out var path) && File.Exists(path)
            ? context.LoadFromAssemblyPath(path)
            : null;
}
