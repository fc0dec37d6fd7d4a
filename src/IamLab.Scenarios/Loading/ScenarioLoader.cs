using IamLab.Policy.Model;
using IamLab.Policy.Validation;
using IamLab.Scenarios.Model;
using IamLab.Scenarios.Submissions;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// Reads <c>scenario.yaml</c> into a <see cref="Scenario"/>, checking the rules of docs/scenario-format.md and
/// naming the line and column of every mistake.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] TopFields = ["id", "title", "section", "summary", "order", "minutes", "clock", "files", "ignoreFindings",
        "equivalentMutants", "world", "challenges", "incident", "checks"];

    /// <summary>Loads the scenario in <paramref name="directory"/> (which holds scenario.yaml).</summary>
    public static ScenarioLoadResult Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, "scenario.yaml");
        if (!File.Exists(path))
        {
            return new ScenarioLoadResult(null, [new ScenarioProblem(ScenarioCodes.NotFound, $"There is no scenario.yaml in {directory}.", new SourceSpot(path, 0, 0))]);
        }

        var loaded = Parse(File.ReadAllText(path), path, directory);
        var notes = Path.Combine(directory, "solution", "NOTES.md");
        return loaded.Scenario is { } scenario && File.Exists(notes)
            ? loaded with { Scenario = scenario with { Notes = File.ReadAllText(notes) } }
            : loaded;
    }

    /// <summary>Parses scenario text; <paramref name="path"/> names it in messages.</summary>
    public static ScenarioLoadResult Parse(string text, string path, string directory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = YamlSource.Parse(path, text);
        if (source.Root is null)
        {
            return new ScenarioLoadResult(null, source.Problems);
        }

        var top = new YamlFields(source.Root, "a scenario", source, TopFields);
        var id = top.String("id", required: true) ?? string.Empty;
        var folder = Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar));
        if (id.Length > 0 && id != folder)
        {
            source.Report(ScenarioCodes.IdMismatch, $"The id \"{id}\" must equal the folder name \"{folder}\".", top.Node("id")!);
        }

        var files = ReadFiles(top);
        // A role-settings file is no policy: world: cannot name it where a policy goes.
        var names = files.Where(f => f.IsPolicy).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var policies = new PolicyReferences(source, names, files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
        var world = WorldReader.Read(top.Node("world"), source, policies);
        if (!top.Has("world"))
        {
            source.Report(ScenarioCodes.MissingField, "The field \"world\" is required here.", source.Root);
        }

        var challenges = ChallengeReader.ReadAll(top.List("challenges"), source, policies, files);
        var incident = CheckReader.ReadIncident(top.List("incident"), source, policies);
        var checks = CheckReader.ReadAll(top.List("checks", required: true), source, policies, hidden: false);
        CheckReader.CheckLabForms(checks, files, challenges, incident, source);
        var ignore = top.Strings("ignoreFindings");
        foreach (var code in ignore.Where(c => !Security.FindingCodes.All.Contains(c)))
        {
            source.Report(ScenarioCodes.InvalidValue, $"\"{code}\" is not a security finding code ({string.Join(", ", Security.FindingCodes.All)}).", top.Node("ignoreFindings")!);
        }

        var order = top.Int("order");
        if (order is < 0)
        {
            source.Report(ScenarioCodes.InvalidValue, $"\"order\" must be 0 or more, not {order}.", top.Node("order")!);
        }

        var minutes = top.Int("minutes");
        if (minutes is < 1)
        {
            source.Report(ScenarioCodes.InvalidValue, $"\"minutes\" must be 1 or more, not {minutes}.", top.Node("minutes")!);
        }

        var clock = top.Time("clock") ?? Scenario.DefaultClock;
        ScenarioClock.CheckWaits(checks, incident, clock, source);
        var scenario = new Scenario
        {
            Id = id,
            Title = top.String("title", required: true) ?? string.Empty,
            Section = top.String("section") ?? string.Empty,
            Order = order,
            Minutes = minutes,
            EquivalentMutants = ReadEquivalentMutants(top),
            Summary = top.String("summary") ?? string.Empty,
            Clock = clock,
            Files = files,
            IgnoreFindings = ignore,
            World = world,
            Challenges = challenges,
            Incident = incident,
            Checks = checks,
            Directory = directory,
        };
        return new ScenarioLoadResult(source.Problems.Count == 0 ? scenario : null, source.Problems);
    }

    private static List<EquivalentMutant> ReadEquivalentMutants(YamlFields top)
    {
        var mutants = new List<EquivalentMutant>();
        foreach (var item in top.List("equivalentMutants"))
        {
            var fields = new YamlFields(item, "an equivalent mutant", top.Source, "id", "reason");
            var id = fields.String("id", required: true);
            var reason = fields.String("reason", required: true);
            if (id is null || reason is null)
            {
                continue;
            }

            if (reason.Trim().Length == 0 || reason.Contains('\n', StringComparison.Ordinal))
            {
                top.Source.Report(ScenarioCodes.InvalidValue, "The reason of an equivalent mutant is one line of text.", fields.Node("reason")!);
            }

            if (mutants.Any(m => m.Id == id))
            {
                top.Source.Report(ScenarioCodes.DuplicateMutant, $"The mutant \"{id}\" is declared twice.", fields.Node("id")!);
                continue;
            }

            mutants.Add(new EquivalentMutant(id, reason, top.Source.SpotOf(item)));
        }

        return mutants;
    }

    private static List<ScenarioFile> ReadFiles(YamlFields top)
    {
        var files = new List<ScenarioFile>();
        foreach (var item in top.List("files", required: true))
        {
            var fields = new YamlFields(item, "a file", top.Source, "name", "kind", "as");
            var name = fields.String("name", required: true);
            var kindName = fields.String("kind", required: true);
            var appliedBy = fields.String("as");
            if (name is null || kindName is null)
            {
                continue;
            }

            // An attack or findings file is YAML the learner writes; every other kind is a policy (JSON).
            var form = kindName switch { "attack" => FileForm.Attack, "findings" => FileForm.Findings, _ => FileForm.Policy };
            var extension = form == FileForm.Policy ? ".json" : ".yaml";
            if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || !name.EndsWith(extension, StringComparison.Ordinal))
            {
                top.Source.Report(ScenarioCodes.InvalidValue, $"The file name \"{name}\" must be a plain name ending in {extension}.", fields.Node("name")!);
            }

            DocumentKind? kind = null;
            var parsed = default(DocumentKind);
            if (kindName == RoleSettingsFile.KindName)
            {
                if (Arn.TryParse(appliedBy ?? string.Empty) is not { ResourceType: "user" })
                {
                    top.Source.Report(appliedBy is null ? ScenarioCodes.MissingField : ScenarioCodes.InvalidValue,
                        $"A {RoleSettingsFile.KindName} file needs \"as\": the ARN of the IAM user whose UpdateRole calls apply it{(appliedBy is null ? "" : $", not \"{appliedBy}\"")}.",
                        fields.Node("as") ?? item);
                    continue;
                }
            }
            else if (form == FileForm.Policy && !DocumentKinds.TryParse(kindName, out parsed))
            {
                top.Source.Report(ScenarioCodes.InvalidValue, $"\"{kindName}\" is not a document kind ({string.Join(", ", DocumentKinds.Names)}, or {RoleSettingsFile.KindName}, attack, findings).", fields.Node("kind")!);
                continue;
            }
            else
            {
                if (appliedBy is not null)
                {
                    // INVARIANT: "as" is read for a role-settings file only; on any other kind it is refused (the file is
                    // kept, so that what names it is not reported too), never kept unused.
                    var why = form switch
                    {
                        FileForm.Attack => "an attack file's calls start from its challenge's foothold",
                        FileForm.Findings => "a findings file makes no call",
                        _ => "a policy file is put in the world where world: names it",
                    };
                    top.Source.Report(ScenarioCodes.InvalidValue, $"\"as\" (\"{appliedBy}\") belongs to a {RoleSettingsFile.KindName} file; {why}.", fields.Node("as")!);
                    appliedBy = null;
                }

                kind = form == FileForm.Policy ? parsed : null;
            }

            if (files.Any(f => f.Name == name))
            {
                top.Source.Report(ScenarioCodes.DuplicateFile, $"The file \"{name}\" is listed twice.", item);
                continue;
            }

            files.Add(new ScenarioFile(name, kind, kindName, appliedBy) { Form = kindName == RoleSettingsFile.KindName ? FileForm.RoleSettings : form });
        }

        return files;
    }
}
