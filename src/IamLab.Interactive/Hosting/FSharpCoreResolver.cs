using System.Reflection;
using System.Runtime.Loader;

namespace IamLab.Interactive.Hosting;

/// <summary>
/// Plotly.NET 6.0.0 is built against FSharp.Core 10.1.0.0, while the notebook hosts (dotnet-interactive 1.0.712001,
/// dotnet-repl 0.3.259) carry FSharp.Core 10.0.0.0 and the default load context then fails with "Could not load file
/// or assembly 'FSharp.Core, Version=10.1.0.0'". This handler answers such a request with the FSharp.Core already in
/// the process; the API Plotly.NET uses is present in both.
/// </summary>
public static class FSharpCoreResolver
{
    private static int installed;

    /// <summary>Installs the handler on <see cref="AssemblyLoadContext.Default"/> once per process; true when this call installed it.</summary>
    public static bool Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return false;
        }

        AssemblyLoadContext.Default.Resolving += Resolve;
        return true;
    }

    /// <summary>True once <see cref="Install"/> has run in this process.</summary>
    public static bool IsInstalled => Volatile.Read(ref installed) == 1;

    /// <summary>
    /// The resolving handler: for FSharp.Core (any version) the copy already loaded in the process, or the one beside the
    /// host; null for every other assembly, so other handlers and the default failure still apply.
    /// </summary>
    public static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!string.Equals(name.Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => string.Equals(a.GetName().Name, "FSharp.Core", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        if (loaded is not null)
        {
            return loaded;
        }

        var besideHost = Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll");
        return File.Exists(besideHost) ? (context ?? AssemblyLoadContext.Default).LoadFromAssemblyPath(besideHost) : null;
    }
}
