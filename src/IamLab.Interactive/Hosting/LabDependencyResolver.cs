using System.Reflection;
using System.Runtime.Loader;

namespace IamLab.Interactive.Hosting;

/// <summary>
/// Loads the package assemblies the lab's libraries need (System.Security.Cryptography.Xml, Microsoft.IdentityModel.*,
/// YamlDotNet, AWSSDK.*, ...) from the extension package's own <c>lab-dependencies/</c> folder when the notebook host
/// cannot. A host may carry an older copy of one of them: dotnet-repl 0.3.259 and dotnet-interactive 1.0.712001 carry
/// System.Security.Cryptography.Xml 10.0.0.0 while the lab is built against 11.0.0.0, and the default load context
/// then fails with "Could not load file or assembly ... Version=11.0.0.0" on the first SAML check.
/// </summary>
/// <remarks>
/// INVARIANT: only a request the default context could not answer reaches the handler, so an assembly the host can
/// give (the same or a newer version) is always the host's. The requested version is loaded into the default context
/// when that context has no copy of the name yet, and otherwise into a load context of its own
/// (<see cref="DependencyContext"/>): the default context cannot hold two versions of one name. Types from such a copy
/// stay inside the lab's libraries (XML signatures, token parsing); none crosses into a cell.
/// </remarks>
internal static class LabDependencyResolver
{
    private static readonly Lock Gate = new();
    private static string? folder;
    private static DependencyContext? isolated;

    /// <summary>The folder the extension package carries its dependencies in, or null when loaded from elsewhere (a project reference).</summary>
    public static string? Folder => Volatile.Read(ref folder);

    /// <summary>Installs the handler once per process when <paramref name="dependencies"/> exists; true when this call installed it.</summary>
    public static bool Install(string dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        if (!Directory.Exists(dependencies))
        {
            return false;
        }

        lock (Gate)
        {
            if (folder is not null)
            {
                return false;
            }

            Volatile.Write(ref folder, Path.GetFullPath(dependencies));
            AssemblyLoadContext.Default.Resolving += Resolve;
            return true;
        }
    }

    /// <summary>
    /// The folder beside the package's <c>lib/</c> and <c>interactive-extensions/</c> folders for an extension assembly at
    /// <paramref name="extensionAssembly"/> (<c>PACKAGE/lib/net10.0/IamLab.Interactive.dll</c> or
    /// <c>PACKAGE/interactive-extensions/dotnet/IamLab.Interactive.dll</c>).
    /// </summary>
    public static string? FolderBeside(string extensionAssembly) =>
        Directory.GetParent(extensionAssembly)?.Parent?.Parent is { } package ? Path.Combine(package.FullName, "lab-dependencies") : null;

    /// <summary>The handler: the carried copy of the requested assembly when it is at least the requested version; otherwise null.</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (CarriedFile(name) is not { } path)
        {
            return null;
        }

        if (!AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == name.Name && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default))
        {
            try
            {
                return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
            catch (FileLoadException)
            {
                // The host's own list of assemblies names an older copy: the default context refuses another version.
            }
        }

        lock (Gate)
        {
            isolated ??= new DependencyContext();
        }

        return isolated.LoadFromAssemblyName(name);
    }

    private static string? CarriedFile(AssemblyName name)
    {
        if (Folder is not { } carried || name.Name is not { Length: > 0 } simple || simple.IndexOfAny(['/', '\\']) >= 0)
        {
            return null;
        }

        var path = Path.Combine(carried, simple + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        var version = AssemblyName.GetAssemblyName(path).Version;
        return name.Version is null || (version is not null && version >= name.Version) ? path : null;
    }

    /// <summary>The load context for carried assemblies whose name the host's default context already holds in another version.</summary>
    private sealed class DependencyContext() : AssemblyLoadContext("IamLab dependencies", isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            CarriedFile(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
