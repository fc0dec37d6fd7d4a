using System.IO.Compression;
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
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var version = nuspec.Root.Element(ns + "metadata")!.Element(ns + "version")!.Value;
        var dependencies = nuspec.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();

        Assert.Matches(@"^0\.1\.0-dev\.\d{14}$", version);
        Assert.Equal($"IamLab.Interactive.{version}.nupkg", file.Name);
        Assert.Contains("Plotly.NET", dependencies);
        Assert.DoesNotContain("Microsoft.DotNet.Interactive", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("IamLab.", StringComparison.Ordinal));
    }
}
