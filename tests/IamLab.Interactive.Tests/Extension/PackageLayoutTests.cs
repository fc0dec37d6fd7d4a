using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace IamLab.Interactive.Tests.Extension;

public sealed class PackageLayoutTests
{
    private static FileInfo Package()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lab.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var packages = new DirectoryInfo(Path.Combine(folder!.FullName, "artifacts", "packages"));
        Assert.True(packages.Exists, $"{packages.FullName} does not exist: building src/IamLab.Interactive should pack into it.");
        return packages.GetFiles("IamLab.Interactive.*.nupkg").OrderByDescending(f => f.Name, StringComparer.Ordinal).First();
    }

    [Fact]
    public void Package_carries_the_extension_under_interactive_extensions_and_the_lab_assemblies_in_lib()
    {
        using var zip = ZipFile.OpenRead(Package().FullName);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("interactive-extensions/dotnet/IamLab.Interactive.dll", names);
        Assert.Contains("lib/net10.0/IamLab.Interactive.dll", names);
        Assert.Contains("lib/net10.0/IamLab.Policy.dll", names);
        Assert.Contains("lib/net10.0/IamLab.World.dll", names);
        Assert.Contains("lib/net10.0/IamLab.Endpoint.dll", names);
    }

    [Fact]
    public void Package_has_a_dev_version_and_depends_on_plotly_but_not_on_the_host_packages()
    {
        var file = Package();
        using var zip = ZipFile.OpenRead(file.FullName);
        using var stream = zip.GetEntry("IamLab.Interactive.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var version = nuspec.Root.Element(ns + "metadata")!.Element(ns + "version")!.Value;
        var dependencies = nuspec.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();

        Assert.Matches(@"^0\.1\.0-dev\.\d{14}$", version);
        Assert.Equal($"IamLab.Interactive.{version}.nupkg", file.Name);
        Assert.Equal(["Plotly.NET"], dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("IamLab.", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_carries_every_assembly_the_lab_loads_that_neither_the_runtime_nor_the_host_nor_a_dependency_gives()
    {
        using var zip = ZipFile.OpenRead(Package().FullName);
        var carried = zip.Entries.Where(e => e.FullName.StartsWith("lab-dependencies/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), References, StringComparer.Ordinal);
        var lab = zip.Entries.Where(e => e.FullName.StartsWith("lib/net10.0/IamLab.", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), References, StringComparer.Ordinal);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspnet = Path.Combine(Directory.GetParent(runtime)!.Parent!.FullName, "Microsoft.AspNetCore.App");
        var framework = Directory.GetFiles(runtime, "*.dll").Concat(Directory.GetDirectories(aspnet).SelectMany(d => Directory.GetFiles(d, "*.dll")))
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        // The host gives .NET Interactive; Plotly.NET and what it needs come as the package's one NuGet dependency.
        string[] fromHostOrNuGet = ["Microsoft.DotNet.Interactive", "Microsoft.DotNet.Interactive.Formatting", "Plotly.NET", "FSharp.Core", "DynamicObj", "Giraffe.ViewEngine", "Fable.Core"];

        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string From, AssemblyName Reference)>(lab.SelectMany(l => l.Value.Select(r => (l.Key, r))));
        while (pending.TryDequeue(out var next))
        {
            var name = next.Reference.Name!;
            if (!seen.Add(name) || lab.ContainsKey(name) || framework.Contains(name) || fromHostOrNuGet.Contains(name))
            {
                continue;
            }

            if (!carried.TryGetValue(name, out var references))
            {
                missing.Add($"{name} {next.Reference.Version} (needed by {next.From})");
                continue;
            }

            foreach (var reference in references)
            {
                pending.Enqueue((name, reference));
            }
        }

        Assert.True(missing.Count == 0, "Not in lab-dependencies/: " + string.Join(", ", missing));
        Assert.Contains("System.Security.Cryptography.Xml", carried.Keys);
        Assert.Contains("Microsoft.IdentityModel.JsonWebTokens", carried.Keys);
        Assert.Contains("YamlDotNet", carried.Keys);
    }

    private static List<AssemblyName> References(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }
}
