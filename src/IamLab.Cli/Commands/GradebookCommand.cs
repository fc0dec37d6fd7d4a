using System.CommandLine;
using IamLab.Cli.Grading;
using IamLab.Scenarios.Reports.Sharding;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab gradebook merge PART... --output DIR</c>: one gradebook from the shares graded with <c>--shard i/n</c>.</summary>
internal static class GradebookCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var parts = new Argument<string[]>("parts") { Description = "The folders the shares were written to (or their gradebook.json files).", Arity = ArgumentArity.OneOrMore };
        var target = new Option<string>("--output") { Description = "The folder for the merged gradebook.", Required = true };
        var merge = new Command("merge",
            "Merge the gradebooks of the shares of a class (iamlab grade --submissions DIR --shard i/n) into one: gradebook.csv, .json, .junit.xml and .html. "
            + "Refuses parts of different scenarios or share counts, a share given twice or missing, and a submission in two parts or in the wrong share.")
        {
            parts, target,
        };
        merge.SetAction(parse => Merge(parse.GetValue(parts)!, parse.GetValue(target)!, output, error));
        return new Command("gradebook", "Gradebooks of a class graded in shares.") { merge };
    }

    private static int Merge(string[] parts, string target, TextWriter output, TextWriter error)
    {
        var (merged, problems) = GradebookMerge.Merge(parts);
        foreach (var problem in problems)
        {
            error.WriteLine($"iamlab gradebook merge: {problem}");
        }

        if (merged is null)
        {
            return ExitCodes.UsageError;
        }

        try
        {
            var pages = LearnerPages(parts, merged.Entries.Select(e => e.Name).ToList());
            var written = GradebookWriter.Write(target, merged.Scenario, merged.Entries, merged.MaxScore, shard: null, junit: true, html: true,
                i => pages[i] is { } page ? File.ReadAllText(page) : null);
            var passed = merged.Entries.Count(e => e.Outcome.Report?.Passed == true);
            output.WriteLine($"{merged.Scenario}: merged {parts.Length} shares, {merged.Entries.Count} submissions ({passed} passed).");
            output.WriteLine($"Gradebook: {string.Join(", ", written)}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"iamlab gradebook merge: cannot write the gradebook in {target}: {e.Message}");
            return ExitCodes.UsageError;
        }
    }

    // The learner pages a share wrote with --format html (regular files only), found by name in the parts' learners/.
    private static string?[] LearnerPages(string[] parts, List<string> names)
    {
        var folders = parts.Select(p => Scenarios.Submissions.FileKinds.Of(p) == Scenarios.Submissions.FileKind.Directory ? p : Path.GetDirectoryName(Path.GetFullPath(p))!)
            .Select(p => Path.Combine(p, Scenarios.Reports.Html.ClassReportHtml.LearnersFolder)).ToList();
        return [.. names.Select(name => folders.Select(f => Path.Combine(f, Scenarios.Reports.Html.ClassReportHtml.LearnerFile(name)))
            .FirstOrDefault(page => Scenarios.Submissions.FileKinds.Of(page) == Scenarios.Submissions.FileKind.Regular))];
    }
}
