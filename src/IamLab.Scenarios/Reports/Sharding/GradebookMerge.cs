using System.Text.Json;
using IamLab.Scenarios.Grading;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Reports.Sharding;

/// <summary>
/// <c>iamlab gradebook merge</c>: reads the gradebook.json of each part graded with <c>--shard i/n</c> and checks that
/// together they are the whole class exactly once: one scenario, one share count, every share present once, every
/// submission in the share its name belongs to and in one part only. The merged entries then write the same CSV,
/// JSON, JUnit and HTML as one unsharded run.
/// </summary>
public static class GradebookMerge
{
    /// <summary>The largest part read (a generous bound for a class of tens of thousands).</summary>
    public const long MaxPartBytes = 1L << 30;

    /// <summary>The merged class (entries by name), or every problem found.</summary>
    public static (GradebookPart? Merged, IReadOnlyList<GradebookProblem> Problems) Merge(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var problems = new List<GradebookProblem>();
        var read = new List<GradebookPart>();
        foreach (var part in parts)
        {
            var (loaded, problem) = Read(part);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                read.Add(loaded!);
            }
        }

        if (problems.Count > 0 || read.Count == 0)
        {
            return (null, problems);
        }

        var first = read[0];
        foreach (var other in read.Skip(1))
        {
            if (other.Scenario != first.Scenario || other.MaxScore != first.MaxScore)
            {
                problems.Add(new GradebookProblem(GradebookCodes.ScenarioMismatch,
                    $"{other.Path} grades {other.Scenario} out of {other.MaxScore}, {first.Path} grades {first.Scenario} out of {first.MaxScore}."));
            }

            if (other.Shard.Count != first.Shard.Count)
            {
                problems.Add(new GradebookProblem(GradebookCodes.ShardCountMismatch,
                    $"{other.Path} is share {other.Shard} and {first.Path} is share {first.Shard}: all parts must split the class the same way."));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        foreach (var twice in read.GroupBy(p => p.Shard.Index).Where(g => g.Count() > 1))
        {
            problems.Add(new GradebookProblem(GradebookCodes.ShardOverlap,
                $"Share {twice.Key}/{first.Shard.Count} is given more than once: {string.Join(", ", twice.Select(p => p.Path))}."));
        }

        var missing = Enumerable.Range(1, first.Shard.Count).Except(read.Select(p => p.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new GradebookProblem(GradebookCodes.ShardMissing,
                $"Missing share{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(i => $"{i}/{first.Shard.Count}"))}: grade {(missing.Count > 1 ? "them" : "it")} with --shard and merge again."));
        }

        foreach (var part in read)
        {
            foreach (var stray in part.Entries.Where(e => !part.Shard.Includes(e.Name)))
            {
                problems.Add(new GradebookProblem(GradebookCodes.ShardMismatch,
                    $"{part.Path} (share {part.Shard}) holds \"{SafeText.Terminal(stray.Name)}\", which belongs to share {ShardSpec.ShareOf(stray.Name, part.Shard.Count)}/{part.Shard.Count}."));
            }
        }

        foreach (var twice in read.SelectMany(p => p.Entries.Select(e => (Part: p, e.Name))).GroupBy(x => x.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new GradebookProblem(GradebookCodes.ShardOverlap,
                $"\"{SafeText.Terminal(twice.Key)}\" is in {string.Join(" and ", twice.Select(x => x.Part.Path))}."));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var entries = read.SelectMany(p => p.Entries).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        return (new GradebookPart(string.Join(", ", read.Select(p => p.Path)), first.Scenario, first.MaxScore, new ShardSpec(1, 1), entries), []);
    }

    /// <summary>Reads one part (a folder holding gradebook.json, or the file itself).</summary>
    public static (GradebookPart? Part, GradebookProblem? Problem) Read(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var path = FileKinds.Of(part) == FileKind.Directory ? Path.Combine(part, "gradebook.json") : part;
        GradebookProblem Unreadable(string why) => new(GradebookCodes.Unreadable, $"{path}: {why}");
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
        {
            return (null, Unreadable(kind == FileKind.Missing ? "no such file (give a folder a --submissions run wrote, or its gradebook.json)" : "not a regular file"));
        }

        if (new FileInfo(path).Length > MaxPartBytes)
        {
            return (null, Unreadable($"larger than {MaxPartBytes >> 20} MiB"));
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Gradebook.Format)
            {
                return (null, Unreadable($"not an iamlab gradebook (no \"format\": \"{Gradebook.Format}\")"));
            }

            var shard = root.TryGetProperty("shard", out var s) && s.ValueKind == JsonValueKind.Object
                ? ShardSpec.Parse($"{s.GetProperty("index").GetInt32()}/{s.GetProperty("count").GetInt32()}", out var error) ?? throw new JsonException(error)
                : new ShardSpec(1, 1);
            var entries = root.GetProperty("submissions").EnumerateArray().Select(Entry).ToList();
            return (new GradebookPart(path, root.GetProperty("scenario").GetString()!, root.GetProperty("maxScore").GetInt32(), shard, entries), null);
        }
        catch (JsonException e)
        {
            return (null, Unreadable(e.LineNumber is { } line ? $"line {line + 1}: {e.Message}" : e.Message));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, Unreadable($"not an iamlab gradebook ({e.Message})"));
        }
        catch (IOException e)
        {
            return (null, Unreadable(e.Message));
        }
    }

    private static GradebookEntry Entry(JsonElement row)
    {
        var name = row.GetProperty("submission").GetString()!;
        if (row.TryGetProperty("results", out var results))
        {
            return new GradebookEntry(name, new GradeOutcome(ResultsJsonReader.Read(results), []));
        }

        var problems = row.GetProperty("problems").EnumerateArray().Select(p => new SubmissionProblem(p.GetProperty("code").GetString()!,
            p.GetProperty("message").GetString()!, p.GetProperty("file").GetString()!, p.GetProperty("line").GetInt32(), p.GetProperty("column").GetInt32())).ToList();
        return new GradebookEntry(name, new GradeOutcome(null, problems));
    }
}
