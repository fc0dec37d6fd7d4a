using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Reports;
using Spectre.Console;

namespace IamLab.Cli.Grading;

/// <summary>The text report: a coloured table of the checks, then what to fix for each failed one, then the findings.</summary>
internal static class TextReport
{
    public static string Render(GradeReport report)
    {
        using var text = new StringWriter();
        Write(report, text);
        return text.ToString();
    }

    public static void Write(GradeReport report, TextWriter writer)
    {
        var console = Consoles.For(writer);
        var colour = report.Passed ? "green" : "red";
        console.MarkupLine($"[bold]{Markup.Escape(report.Scenario)}[/]: {Markup.Escape(report.Title)}");
        console.MarkupLine($"Submission {Markup.Escape(SafeText.Terminal(report.Submission))}: [bold {colour}]{report.Score}/{report.MaxScore}[/]{(report.Passed ? " [green]all checks pass[/]" : string.Empty)}");
        foreach (var e in report.Errors)
        {
            writer.WriteLine(SafeText.Terminal($"ERROR {e}"));
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("Check").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Result");
        foreach (var check in report.Checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Pass => "[green]PASS[/]",
                CheckStatus.Fail => "[red]FAIL[/]",
                CheckStatus.NotRun => "[yellow]NOT RUN[/]",
                CheckStatus.Unearned => "[yellow]UNEARNED[/]",
                _ => "[red]ERROR[/]",
            };
            table.AddRow(mark, Markup.Escape(check.Name) + (check.Hidden ? " [grey](hidden)[/]" : string.Empty), $"{check.Score}/{check.Weight}", Markup.Escape(SafeText.Terminal(check.Message)));
        }

        console.Write(table);
        foreach (var check in report.Checks.Where(c => c.Status is CheckStatus.Fail or CheckStatus.Error))
        {
            console.WriteLine();
            var where = check.File is null ? string.Empty : $" ({Markup.Escape(SafeText.Terminal(check.File))}:{check.Line})";
            console.MarkupLine($"[red]✗[/] [bold]{Markup.Escape(check.Name)}[/]{where}");

            // Explanations and findings are written as they are, unwrapped, so that a line can be searched and copied.
            foreach (var line in check.Explanation)
            {
                writer.WriteLine("    " + SafeText.Terminal(line));
            }

            writer.WriteLine($"    Hint: {check.Hint}");
        }

        if (report.Checks.Any(c => c.Status is CheckStatus.Fail or CheckStatus.Error))
        {
            console.WriteLine();
            writer.WriteLine(report.HintLevel >= HintAttempts.MaxLevel
                ? $"Hints at level {report.HintLevel} of {HintAttempts.MaxLevel} (the answer)."
                : $"Hints at level {report.HintLevel} of {HintAttempts.MaxLevel}: each failed attempt shows one more level (--hint-level N to choose).");
        }

        if (report.Notes is { } notes)
        {
            console.WriteLine();
            console.MarkupLine("[bold green]Full marks.[/] [bold]About the answer[/] (solution/NOTES.md):");
            writer.WriteLine(notes.TrimEnd());
        }

        if (report.Findings.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Findings[/]");
            foreach (var f in report.Findings)
            {
                writer.WriteLine(SafeText.Terminal($"  {f.File}:{f.Line}:{f.Column} {f.Severity} {f.Code}: {f.Message}"));
            }
        }
    }
}
