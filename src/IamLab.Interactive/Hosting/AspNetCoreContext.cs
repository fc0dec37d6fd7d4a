using System.Reflection;
using System.Runtime.Loader;

namespace IamLab.Interactive.Hosting;

/// <summary>
/// Some notebook hosts (dotnet-repl) start without the ASP.NET Core shared framework and carry older copies of some
/// Microsoft.Extensions assemblies. The lab endpoint then runs in this load context: IamLab.Endpoint and ASP.NET Core
/// come from the installed shared framework (the one matching the running runtime), and everything else, the lab's
/// world above all, is shared with the default context so the endpoint serves the notebook's own world.
/// </summary>
internal sealed class AspNetCoreContext : AssemblyLoadContext
{
    private readonly string frameworkFolder;
    private readonly string labFolder;

    private AspNetCoreContext(string frameworkFolder, string labFolder)
        : base("IamLab endpoint (ASP.NET Core)", isCollectible: false)
    {
        this.frameworkFolder = frameworkFolder;
        this.labFolder = labFolder;
    }

    /// <summary>True when the host's default context has ASP.NET Core (the endpoint can load there directly).</summary>
    public static bool HostHasAspNetCore =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?.Contains("Microsoft.AspNetCore.dll", StringComparison.OrdinalIgnoreCase) == true
        || AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.AspNetCore");

    /// <summary>The ASP.NET Core shared framework folder that matches the running runtime, or null when it is not installed.</summary>
    public static string? FrameworkFolder { get; } = FindFolder();

    private static readonly Lazy<AspNetCoreContext?> Instance = new(() =>
        FrameworkFolder is { } framework && Path.GetDirectoryName(typeof(IamLab.World.LabWorld).Assembly.Location) is { Length: > 0 } lab
            ? new AspNetCoreContext(framework, lab)
            : null);

    /// <summary>The IamLab.Endpoint assembly loaded in the context, or null when ASP.NET Core is not installed.</summary>
    public static Assembly? LoadEndpointAssembly() => Instance.Value?.LoadFromAssemblyName(new AssemblyName("IamLab.Endpoint"));

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name)
        {
            return null;
        }

        if (name == "IamLab.Endpoint")
        {
            return LoadFromAssemblyPath(Path.Combine(labFolder, name + ".dll"));
        }

        var framework = Path.Combine(frameworkFolder, name + ".dll");
        return File.Exists(framework) ? LoadFromAssemblyPath(framework) : null;
    }

    private static string? FindFolder()
    {
        // .../shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll -> .../shared/Microsoft.AspNetCore.App/10.0.x
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var shared = runtime is null ? null : Directory.GetParent(runtime)?.Parent;
        if (runtime is null || shared is null)
        {
            return null;
        }

        var aspnet = Path.Combine(shared.FullName, "Microsoft.AspNetCore.App");
        var same = Path.Combine(aspnet, Path.GetFileName(runtime));
        if (Directory.Exists(same))
        {
            return same;
        }

        var major = Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
        return Directory.Exists(aspnet)
            ? Directory.GetDirectories(aspnet).Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal)).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }
}
