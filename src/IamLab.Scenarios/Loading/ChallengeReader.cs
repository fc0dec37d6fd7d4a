using IamLab.Policy.Model;
using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>Reads <c>challenges:</c> (break-it challenges: an attack file, a foothold, a goal and the fixes) and <c>incident:</c>.</summary>
internal static class ChallengeReader
{
    public static List<ChallengeSpec> ReadAll(IReadOnlyList<YamlNode> nodes, YamlSource source, PolicyReferences policies, IReadOnlyList<ScenarioFile> files)
    {
        var challenges = new List<ChallengeSpec>();
        foreach (var node in nodes)
        {
            var f = new YamlFields(node, "a challenge", source, "file", "foothold", "goal", "fixes");
            var file = f.String("file", required: true);
            if (file is not null && files.FirstOrDefault(x => x.Name == file) is not { Form: FileForm.Attack })
            {
                source.Report(ScenarioCodes.UnknownFile, $"\"{file}\" is not one of the scenario's attack files ({string.Join(", ", files.Where(x => x.Form == FileForm.Attack).Select(x => x.Name))}).", f.Node("file")!);
            }
            else if (file is not null && challenges.Any(c => c.File == file))
            {
                source.Report(ScenarioCodes.DuplicateFile, $"Two challenges use the attack file \"{file}\".", f.Node("file")!);
            }

            var foothold = Foothold(f, source);
            var goalFields = new YamlFields(f.Node("goal"), "a goal", source, "action", "resource");
            if (!f.Has("goal"))
            {
                source.Report(ScenarioCodes.MissingField, "The field \"goal\" is required here (the request the attack must get allowed).", node);
            }

            var action = f.Has("goal") ? goalFields.String("action", required: true) : null;
            var resource = f.Has("goal") ? goalFields.String("resource", required: true) : null;
            var fixes = f.List("fixes", required: true).Select(n => Fix(n, source, policies)).OfType<FixSpec>().ToList();
            if (f.Has("fixes") && fixes.Count == 0)
            {
                source.Report(ScenarioCodes.InvalidValue, "\"fixes\" needs at least one fix: the fixed world must differ from the loose one.", f.Node("fixes")!);
            }

            if (file is not null && foothold is not null && action is not null && resource is not null)
            {
                challenges.Add(new ChallengeSpec
                {
                    File = file,
                    Foothold = foothold,
                    Goal = new RequestSpec(action, resource, new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)),
                    Fixes = fixes,
                    Spot = source.SpotOf(node),
                });
            }
        }

        foreach (var attack in files.Where(x => x.Form == FileForm.Attack && challenges.All(c => c.File != x.Name)))
        {
            source.Report(ScenarioCodes.MissingField, $"The attack file \"{attack.Name}\" has no challenge (add one to \"challenges\" with file: {attack.Name}).", source.Root!);
        }

        return challenges;
    }

    private static FootholdSpec? Foothold(YamlFields f, YamlSource source)
    {
        var fields = new YamlFields(f.Node("foothold"), "a foothold", source, "user", "github");
        if (!f.Has("foothold"))
        {
            source.Report(ScenarioCodes.MissingField, "The field \"foothold\" is required here (user: ARN, or github: OWNER).", f.Self);
            return null;
        }

        var user = fields.String("user");
        var github = fields.String("github");
        if ((user is null) == (github is null))
        {
            source.Report(ScenarioCodes.InvalidValue, "A foothold is one of user (an IAM user's ARN) or github (the owner of the attacker's repositories).", f.Node("foothold")!);
            return null;
        }

        if (user is not null && Arn.TryParse(user) is not { ResourceType: "user" })
        {
            source.Report(ScenarioCodes.InvalidValue, $"\"{user}\" is not a user ARN.", fields.Node("user")!);
            return null;
        }

        return new FootholdSpec(user, github);
    }

    private static FixSpec? Fix(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var f = new YamlFields(node, "a fix", source, "role", "user", "trust", "policies");
        var role = f.String("role");
        var user = f.String("user");
        if ((role is null) == (user is null))
        {
            source.Report(ScenarioCodes.InvalidValue, "A fix names one role or one user.", node);
            return null;
        }

        if (user is not null && f.Has("trust"))
        {
            source.Report(ScenarioCodes.InvalidValue, "A user has no trust policy to fix.", f.Node("trust")!);
        }

        var trust = policies.Document(f.Node("trust"), "a trust policy");
        var list = f.Has("policies") ? policies.Items(f.List("policies")) : null;
        if (trust is null && list is null)
        {
            source.Report(ScenarioCodes.MissingField, "A fix needs trust or policies (what replaces the loose policy).", node);
            return null;
        }

        return new FixSpec(role ?? user!, trust, list);
    }
}
