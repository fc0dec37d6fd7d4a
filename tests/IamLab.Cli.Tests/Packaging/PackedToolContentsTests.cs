using System.IO.Compression;
using System.Text;
using IamLab.Cli.Tests.Teaching;
using Xunit;

namespace IamLab.Cli.Tests.Packaging;

/// <summary>
/// The packed tool is what a class can be handed: anyone may install it and read every file in it, so the .nupkg (opened
/// here as the zip it is) carries each scenario's scenario.yaml, README.md and starter/ and nothing of its solution/ or
/// answers/ or of the example hidden checks: no such folder, no text of such a file, no policy statement of a solution
/// or answer that the starter lacks, no hidden check's name, in any file, the lab's own assemblies included.
/// </summary>
[Collection(PackedToolGroup.Name)]
public sealed class PackedToolContentsTests(PackedTool tool)
{
    private const string ToolFolder = "tools/net10.0/any/";

    [Fact]
    public void Package_CarriesEachScenariosLearnerFiles_AsTheyAreInTheRepository()
    {
        using var package = ZipFile.OpenRead(tool.Package);
        var entries = package.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);
        var scenarios = LabSecrets.ScenarioFolders().ToList();
        Assert.True(scenarios.Count >= 16, $"only {scenarios.Count} scenarios in the repository");

        foreach (var scenario in scenarios)
        {
            var id = Path.GetFileName(scenario);
            var files = Directory.GetFiles(Path.Combine(scenario, "starter")).Select(f => $"starter/{Path.GetFileName(f)}").Append("scenario.yaml").Append("README.md");
            foreach (var file in files)
            {
                var name = $"{ToolFolder}scenarios/{id}/{file}";
                Assert.True(entries.TryGetValue(name, out var entry), $"the package lacks {name}");
                Assert.Equal(File.ReadAllBytes(Path.Combine(scenario, file)), Read(entry));
            }
        }

        Assert.Contains($"{ToolFolder}iamlab.dll", entries.Keys);
        Assert.Contains($"{ToolFolder}DotnetToolSettings.xml", entries.Keys);
    }

    [Fact]
    public void Package_HasNoSolutionAnswersOrHiddenCheckFolder()
    {
        using var package = ZipFile.OpenRead(tool.Package);
        var names = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains(names, n => n.Contains("/scenarios/", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("/solution/", StringComparison.Ordinal) || n.Contains("/answers/", StringComparison.Ordinal)
            || n.Contains("hidden-example", StringComparison.Ordinal) || n.EndsWith("NOTES.md", StringComparison.Ordinal) || n.EndsWith("mistake.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_HoldsNoTextOfAnySolutionAnswerOrHiddenCheckFile()
    {
        var secrets = LabSecrets.SecretFiles().Select(f => (File: f, Raw: File.ReadAllBytes(f), Text: LabSecrets.Collapse(File.ReadAllText(f))))
            .Where(s => s.Text.Length >= 40).ToList();
        Assert.True(secrets.Count > 150, $"only {secrets.Count} answer files found under {LabPaths.Scenarios}");

        var leaks = new List<string>();
        foreach (var (name, content) in Contents())
        {
            var text = LabSecrets.Collapse(Encoding.UTF8.GetString(content));
            leaks.AddRange(from secret in secrets
                           where text.Contains(secret.Text, StringComparison.Ordinal) || content.AsSpan().IndexOf(secret.Raw) >= 0
                           select $"{name} holds {Path.GetRelativePath(LabPaths.Root, secret.File)}");
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void Package_HoldsNoPolicyStatementOfASolutionOrAnswer_ThatTheStarterLacks()
    {
        var secret = LabSecrets.SecretStatements();
        Assert.True(secret.Count > 100, $"only {secret.Count} answer statements found");

        var leaks = new List<string>();
        foreach (var (name, content) in Contents().Where(c => !c.Name.EndsWith(".dll", StringComparison.Ordinal)))
        {
            foreach (var statement in LabSecrets.JsonObjectsIn(Encoding.UTF8.GetString(content)).SelectMany(LabSecrets.Statements))
            {
                if (secret.TryGetValue(statement, out var origin))
                {
                    leaks.Add($"{name} holds a statement of {origin}");
                }
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void Package_NamesNoHiddenCheck()
    {
        var names = LabSecrets.HiddenCheckNames();
        Assert.True(names.Count >= 12, $"only {names.Count} hidden checks found");

        var leaks = new List<string>();
        foreach (var (entry, content) in Contents())
        {
            foreach (var name in names)
            {
                if (content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)) >= 0 || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(name)) >= 0)
                {
                    leaks.Add($"{entry} names {name}");
                }
            }
        }

        Assert.Empty(leaks);
    }

    // Every file of the package that the lab wrote: the scenarios, the tool's settings and the lab's own assemblies and
    // their documentation (an answer could only reach the others through one of these). Strings in an assembly are
    // UTF-16 and embedded resources raw bytes, so assemblies are searched as bytes in both encodings.
    private IEnumerable<(string Name, byte[] Content)> Contents()
    {
        using var package = ZipFile.OpenRead(tool.Package);
        var lab = package.Entries
            .Where(e => !e.FullName.EndsWith('/'))
            .Where(e => !e.FullName.StartsWith(ToolFolder, StringComparison.Ordinal)
                        || e.FullName.StartsWith($"{ToolFolder}scenarios/", StringComparison.Ordinal)
                        || Path.GetFileName(e.FullName).StartsWith("IamLab.", StringComparison.Ordinal)
                        || Path.GetFileName(e.FullName).StartsWith("iamlab.", StringComparison.Ordinal)
                        || e.FullName == $"{ToolFolder}DotnetToolSettings.xml")
            .Select(e => (e.FullName, Read(e)))
            .ToList();
        Assert.True(lab.Count > 60, $"only {lab.Count} of the lab's files in the package");
        Assert.Contains(lab, e => e.FullName == $"{ToolFolder}IamLab.Scenarios.dll");
        return lab;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
