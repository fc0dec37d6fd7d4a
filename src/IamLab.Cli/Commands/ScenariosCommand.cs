using System.CommandLine;
using System.Globalization;
using IamLab.Cli.Grading;
using IamLab.Scenarios.Loading;
using Spectre.Console;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab scenarios list</c> and <c>iamlab scenarios show ID</c>.</summary>
internal static class ScenariosCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var scenarios = new Option<string?>("--scenarios") { Description = "The scenarios folder (default: the scenarios shipped with the tool, never ones found from the current folder).", Recursive = true };
        var list = new Command("list", "List the scenarios in the learning path's order: id, title, minutes, the article section and the files the learner writes.");
        list.SetAction(parse => List(parse.GetValue(scenarios), output, error));
        var id = new Argument<string>("scenario") { Description = "The scenario id." };
        var show = new Command("show", "Show a scenario: what to do, the files, and its checks with their points and hints.") { id };
        show.SetAction(parse => Show(parse.GetValue(scenarios), parse.GetValue(id)!, output, error));
        return new Command("scenarios", "The lab's graded scenarios.") { scenarios, list, show };
    }

    private static int List(string? given, TextWriter output, TextWriter error)
    {
        var folder = ScenarioFolder.Locate(given, error);
        if (folder is null)
        {
            return ExitCodes.UsageError;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Id").AddColumn("Title").AddColumn(new TableColumn("Minutes").RightAligned())
            .AddColumn("Section").AddColumn("Files");
        var status = ExitCodes.Success;
        // The learning path: by order, then scenarios without one, by id.
        var loaded = ScenarioCatalog.Ids(folder).Select(id => (Id: id, Result: ScenarioLoader.Load(Path.Combine(folder, id))))
            .OrderBy(s => s.Result.Scenario?.Order ?? int.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var step = 0;
        foreach (var (id, result) in loaded)
        {
            step++;
            if (result.Scenario is not { } scenario)
            {
                table.AddRow(step.ToString(CultureInfo.InvariantCulture), Markup.Escape(id), "[red]cannot be loaded[/]", string.Empty,
                    Markup.Escape(result.Problems.Count > 0 ? result.Problems[0].ToString() : string.Empty), string.Empty);
                status = ExitCodes.Failed;
                continue;
            }

            table.AddRow(step.ToString(CultureInfo.InvariantCulture), Markup.Escape(id), Markup.Escape(scenario.Title),
                scenario.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "-", Markup.Escape(scenario.Section), Markup.Escape(string.Join(", ", scenario.Files.Select(f => f.Name))));
        }

        Consoles.For(output).Write(table);
        return status;
    }

    private static int Show(string? given, string id, TextWriter output, TextWriter error)
    {
        var folder = ScenarioFolder.Locate(given, error);
        var scenario = folder is null ? null : ScenarioFolder.Load(folder, id, error);
        if (scenario is null)
        {
            return ExitCodes.UsageError;
        }

        var console = Consoles.For(output);
        console.MarkupLine($"[bold]{Markup.Escape(scenario.Title)}[/] ({Markup.Escape(scenario.Id)})");
        if (scenario.Section.Length > 0)
        {
            console.MarkupLine($"Article section: {Markup.Escape(scenario.Section)}");
        }

        if (scenario.Summary.Length > 0)
        {
            console.WriteLine(scenario.Summary);
        }

        console.WriteLine();
        console.MarkupLine("[bold]Files you write[/] (start from starter/):");
        foreach (var file in scenario.Files)
        {
            console.MarkupLine($"  {Markup.Escape(file.Name)} ({Markup.Escape(file.KindName)})  {Markup.Escape(Path.Combine(scenario.Directory, "starter", file.Name))}");
        }

        console.WriteLine();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Check").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Hint");
        foreach (var check in scenario.Checks)
        {
            table.AddRow(Markup.Escape(check.Name), check.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(check.Hint));
        }

        console.Write(table);
        console.WriteLine();
        console.WriteLine($"Read {Path.Combine(scenario.Directory, "README.md")}, then grade your work with:");
        console.WriteLine($"  iamlab grade {scenario.Id} --submission DIR");
        return ExitCodes.Success;
    }
}
