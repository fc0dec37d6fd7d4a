using System.Text.Json.Nodes;

namespace IamLab.Interactive.Tests.Notebooks;

/// <summary>The notebooks as files: shaped as VS Code expects, without outputs (that they are notebooks/src's output is checked by <c>iamlab notebook build --check</c>, in IamLab.Cli.Tests).</summary>
public sealed class NotebookSourceTests
{
    public static TheoryData<string> Notebooks() => [.. LabNotebooks.Names()];

    [Fact]
    public void EveryScenario_HasANotebook_AndThereIsAStartHere()
    {
        var scenarios = Directory.EnumerateDirectories(RepositoryPaths.Scenarios)
            .Where(d => File.Exists(Path.Combine(d, "scenario.yaml")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var taught = LabNotebooks.Names().Select(LabNotebooks.ScenarioOf).OfType<string>().Order(StringComparer.Ordinal).ToList();

        Assert.Contains("00-start-here.ipynb", LabNotebooks.Names());
        Assert.Empty(scenarios.Except(taught));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_HasTheMetadataVsCodeNeeds_AndNoOutputs(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name)))!;

        Assert.Equal(".net-csharp", notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            var type = cell!["cell_type"]!.GetValue<string>();
            var kernel = cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>();
            Assert.Equal(type == "markdown" ? "markdown" : "csharp", kernel);
            if (type == "code")
            {
                Assert.Empty(cell["outputs"]!.AsArray());
                Assert.Null(cell["execution_count"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void FirstCell_LoadsTheLocallyBuiltPackage_AndSaysSo(string name)
    {
        var first = LabNotebooks.Read(name).Elements[0];

        Assert.Equal("csharp", first.KernelName);
        Assert.Contains("\"artifacts\", \"packages\"", first.Contents);
        Assert.Contains("#i \\\"nuget:{labPackages}\\\"", first.Contents);
        Assert.Contains("#r \\\"nuget:IamLab.Interactive, {labVersion}\\\"", first.Contents);
        Assert.Contains("README's build step", first.Contents);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void ExerciseCells_HoldTheStarterText_OfTheFilesTheScenarioAsksFor(string name)
    {
        var notebook = LabNotebooks.Read(name);
        var scenario = LabNotebooks.ScenarioOf(name);
        var exercises = notebook.Elements.Where(c => LabNotebooks.ExerciseFile(c) is not null).ToList();
        if (scenario is null)
        {
            Assert.Empty(exercises);
            return;
        }

        var files = IamLab.Scenarios.Loading.ScenarioLoader.Load(Path.Combine(RepositoryPaths.Scenarios, scenario)).Scenario!.Files.Select(f => f.Name).ToList();
        Assert.Equal(files, exercises.Select(c => LabNotebooks.ExerciseFile(c)!));
        foreach (var cell in exercises)
        {
            var file = LabNotebooks.ExerciseFile(cell)!;
            var (firstLine, body) = (cell.Contents.Split('\n', 2)[0], cell.Contents.Split('\n', 2)[1]);
            Assert.Equal($"#!lab-policy {file}", firstLine);
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, scenario, "starter", file)).Trim(), body.Trim());
        }
    }

    [Fact]
    public void RoleChainingNotebook_CorrectsTheArticle_AndShowsTheOneHourLimit()
    {
        var text = string.Join("\n", LabNotebooks.Read("09-role-chaining.ipynb").Elements.Select(c => c.Contents));

        Assert.Contains("Where the article is wrong", text);
        Assert.Contains("**one hour**", text);
        Assert.Contains("--duration 7200 --expect ValidationError", text);
    }
}
