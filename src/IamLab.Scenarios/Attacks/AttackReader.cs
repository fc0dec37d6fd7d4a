using IamLab.Policy.Model;
using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Attacks;

/// <summary>
/// Reads a learner's attack file (docs/scenario-format.md, "Attack files"): <c>from:</c> the challenge's foothold and
/// <c>steps:</c> a chain of the calls an attacker can make from it, in the scenario checks' step vocabulary. Whatever the
/// attacker cannot choose is refused with its own code and line: another caller (<c>as</c>), another foothold, MFA they
/// do not have, request facts (<c>context</c>, <c>sourceIp</c>), a token for a repository that is not theirs, a step kind
/// the foothold cannot make (a SAML assertion, an instance launched by the world).
/// </summary>
public static class AttackReader
{
    /// <summary>The most steps an attack may have.</summary>
    public const int MaxSteps = 12;

    /// <summary>The longest wait an attack may put before a step (<c>after:</c>): the same as a scenario step's.</summary>
    public static readonly TimeSpan MaxAfter = LabDuration.MaxWait;

    private static readonly string[] Calls = ["assumeRole", "assumeRoleWithWebIdentity", "lambdaFunction", "request"];

    private const string ChainStartsAtFoothold = "every step runs with the credentials the step before it made; the chain starts from the foothold in \"from\"";
    private const string FactsAreAws = "the request's facts are what AWS sees, not what the attacker says";
    private const string SessionPolicy = "a session policy only narrows a session; this format leaves it out";

    // What a scenario's check may set and an attacker may not, with why: refused wherever it is written (as: in every
    // mapping, the rest in the mapping where a check would take it), never listed or suggested as a field.
    private static readonly FieldRules TopRules = Rules("an attack", ["from", "steps"], new());

    private static readonly FieldRules StepRules = Rules("a step", ["after", .. Calls], new()) with
    {
        UnknownCode = LabFileCodes.UnknownStep,
        UnknownMessage = (name, near) =>
            $"\"{name}\" is not a call an attacker makes from this foothold{(near is null ? "" : $"; did you mean \"{near}\"?")} (a step is one of {string.Join(", ", Calls)}, with an optional \"after\").",
    };

    private static readonly FieldRules AssumeRoleRules = Rules("assumeRole", ["roleArn", "roleSessionName", "externalId", "durationSeconds", "sourceIdentity"], new()
    {
        ["mfa"] = "whether a call carries MFA is how the caller signed it, and the foothold has no MFA device",
        ["sourceIp"] = FactsAreAws,
        ["context"] = FactsAreAws,
        ["policy"] = SessionPolicy,
        ["policyArns"] = SessionPolicy,
    });

    private static readonly FieldRules WebIdentityRules = Rules("assumeRoleWithWebIdentity", ["roleArn", "roleSessionName", "audience", "github", "durationSeconds"], new()
    {
        ["issuer"] = "only GitHub signs GitHub's tokens; the attacker chooses the workflow run, not the issuer",
        ["policy"] = SessionPolicy,
        ["policyArns"] = SessionPolicy,
    });

    private static readonly FieldRules GitHubRules = Rules("github", ["repository", "ref", "environment", "event"], new());

    private static readonly FieldRules RequestRules = Rules("request", ["action", "resource"], new()
    {
        ["context"] = FactsAreAws,
        ["fromInstance"] = "the chain's own credentials make the request",
        ["principal"] = "the request is made with the credentials the chain has, not as a principal of your choice",
    });

    private static readonly FieldRules LambdaRules = Rules("lambdaFunction", ["name", "roleArn"], new()
    {
        ["account"] = "the function is made in its role's account by the chain's credentials",
    });

    /// <summary>
    /// Reads <paramref name="text"/> (the file at <paramref name="path"/>) as an attack on <paramref name="challenge"/>;
    /// the attack is null when any problem was found.
    /// </summary>
    public static (AttackFile? Attack, IReadOnlyList<ScenarioProblem> Problems) Read(string text, string path, ChallengeSpec challenge)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(challenge);
        var source = LearnerYaml.Parse(text, path);
        if (!LearnerYaml.HasRoot(source))
        {
            return (null, LearnerYaml.Problems(source));
        }

        var top = new YamlFields(source.Root, source, TopRules);
        var from = top.String("from", required: true);
        if (from is not null && !string.Equals(from, challenge.Foothold.Text, StringComparison.Ordinal))
        {
            source.Report(LabFileCodes.FootholdMismatch,
                $"The attack starts from \"{from}\", but this challenge's foothold is \"{challenge.Foothold.Text}\": an attack starts from what the attacker holds, nothing else.",
                top.Node("from")!);
        }

        var list = top.List("steps", required: true);
        if (list.Count > MaxSteps)
        {
            source.Report(LabFileCodes.TooLarge, $"The attack has {list.Count} steps; at most {MaxSteps} are read.", top.Node("steps")!);
            return (null, LearnerYaml.Problems(source));
        }

        var steps = new List<StepSpec>();
        foreach (var node in list)
        {
            if (Step(node, source, challenge.Foothold) is { } step)
            {
                steps.Add(step);
            }
        }

        var problems = LearnerYaml.Problems(source);
        return (problems.Count == 0 && from is not null ? new AttackFile(from, steps) : null, problems);
    }

    private static StepSpec? Step(YamlNode node, YamlSource source, FootholdSpec foothold)
    {
        if (node is not YamlMappingNode)
        {
            source.Report(LabFileCodes.WrongType, "A step must be a mapping such as \"assumeRole: { roleArn: ... }\".", node);
            return null;
        }

        var fields = new YamlFields(node, source, StepRules);
        var calls = Calls.Where(fields.Has).ToList();
        if (calls.Count != 1)
        {
            if (calls.Count > 1)
            {
                source.Report(LabFileCodes.UnknownStep, $"A step makes one call, not {string.Join(" and ", calls)}.", node);
            }
            else if (fields.Rejected == 0)
            {
                // Nothing else was wrong with the step: say so, or a step of only "after" would be dropped without a word.
                source.Report(LabFileCodes.UnknownStep,
                    $"A step needs one of {string.Join(", ", Calls)}{(fields.Has("after") ? " (\"after\" only waits before a call)" : "")}.", node);
            }

            return null;
        }

        var step = new StepSpec { After = StepWait.Read(fields), Spot = source.SpotOf(node) };
        var body = fields.Node(calls[0])!;
        return calls[0] switch
        {
            "assumeRole" => AssumeRole(body, source) is { } a ? step with { AssumeRole = a } : null,
            "assumeRoleWithWebIdentity" => WebIdentity(body, source, foothold) is { } w ? step with { AssumeRoleWithWebIdentity = w } : null,
            "lambdaFunction" => Lambda(body, source) is { } l ? step with { LambdaFunction = l } : null,
            _ => Request(body, source) is { } r ? step with { Request = r } : null,
        };
    }

    // Every mapping of an attack refuses "as"; the others refuse what a check could set in that mapping.
    private static FieldRules Rules(string what, string[] allowed, Dictionary<string, string> notYours)
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["as"] = $"\"as\" in {what} is not the attacker's to choose: {ChainStartsAtFoothold}.",
        };
        foreach (var (name, why) in notYours)
        {
            refused[name] = $"\"{name}\" in {what} is not the attacker's to choose: {why}.";
        }

        return new FieldRules(what, allowed) { Refused = refused, RefusedCode = LabFileCodes.NotYours };
    }

    private static AssumeRoleSpec? AssumeRole(YamlNode node, YamlSource source)
    {
        var f = new YamlFields(node, source, AssumeRoleRules);
        var roleArn = f.String("roleArn", required: true);
        return roleArn is null ? null : new AssumeRoleSpec
        {
            RoleArn = roleArn,
            RoleSessionName = f.String("roleSessionName") ?? "iamlab",
            ExternalId = f.String("externalId"),
            DurationSeconds = f.Int("durationSeconds"),
            SourceIdentity = f.String("sourceIdentity"),
        };
    }

    private static WebIdentityStepSpec? WebIdentity(YamlNode node, YamlSource source, FootholdSpec foothold)
    {
        var f = new YamlFields(node, source, WebIdentityRules);
        var roleArn = f.String("roleArn", required: true);
        if (foothold.GitHubOwner is null)
        {
            source.Report(LabFileCodes.NotYours, $"The foothold {foothold.Text} holds no GitHub Actions token: this challenge's attacker cannot call AssumeRoleWithWebIdentity.", node);
            return null;
        }

        var github = new YamlFields(f.Node("github"), source, GitHubRules);
        if (!f.Has("github"))
        {
            source.Report(LabFileCodes.MissingField, "The field \"github\" is required here (the workflow run of yours the token describes).", node);
            return null;
        }

        var repository = github.String("repository", required: true);
        if (repository is not null && !IsOwnRepository(repository, foothold.GitHubOwner))
        {
            source.Report(LabFileCodes.NotYours,
                $"\"{repository}\" is not a repository of {foothold.GitHubOwner}: GitHub issues your workflows tokens only for your own repositories (write {foothold.GitHubOwner}/NAME).",
                github.Node("repository")!);
        }

        return roleArn is null || repository is null ? null : WebIdentityStepFields.Spec(f, github, roleArn, repository);
    }

    // OWNER/NAME with a name GitHub would accept: letters, digits, '-', '_' and '.'; owners compare without case, as GitHub's do.
    private static bool IsOwnRepository(string repository, string owner)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !repository[..slash].Equals(owner, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = repository[(slash + 1)..];
        return name.Length is > 0 and <= 100 && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }

    private static LambdaStepSpec? Lambda(YamlNode node, YamlSource source)
    {
        var f = new YamlFields(node, source, LambdaRules);
        var name = f.String("name", required: true);
        var roleArn = f.String("roleArn", required: true);
        if (roleArn is not null && Arn.TryParse(roleArn) is not { ResourceType: "role" })
        {
            source.Report(LabFileCodes.InvalidValue, $"\"{roleArn}\" is not a role ARN.", f.Node("roleArn")!);
            return null;
        }

        return name is null || roleArn is null ? null : new LambdaStepSpec(Arn.Parse(roleArn).Account, name, roleArn);
    }

    private static RequestSpec? Request(YamlNode node, YamlSource source)
    {
        var f = new YamlFields(node, source, RequestRules);
        var action = f.String("action", required: true);
        var resource = f.String("resource", required: true);
        return action is null || resource is null ? null : new RequestSpec(action, resource, new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));
    }
}
