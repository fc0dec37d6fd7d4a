using System.Text.RegularExpressions;
using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>Reads <c>checks:</c> lists (of scenario.yaml and of hidden-check files).</summary>
internal static partial class CheckReader
{
    private static readonly string[] CheckFields = ["name", "weight", "hint", "requires", "file", "at", "request", "steps", "noFindings", "attack", "fixed", "findings", "expect"];
    private static readonly string[] HiddenCheckFields = [.. CheckFields, "tests"];
    private static readonly string[] CheckForms = ["request", "steps", "noFindings", "attack", "findings"];
    private static readonly string[] StepActions = ["assumeRole", "assumeRoleWithSaml", "assumeRoleWithWebIdentity", "ec2Instance", "lambdaFunction", "request"];
    private static readonly string[] StepFields = ["as", "after", .. StepActions];

    /// <summary>
    /// Reads the checks of one file. <paramref name="earlier"/> are checks a <c>requires:</c> may also name (a hidden
    /// file's checks may require the scenario's own).
    /// </summary>
    public static List<CheckSpec> ReadAll(IReadOnlyList<YamlNode> nodes, YamlSource source, PolicyReferences policies, bool hidden,
        IReadOnlyList<CheckSpec>? earlier = null)
    {
        var checks = new List<CheckSpec>();
        var requiresNodes = new Dictionary<string, IReadOnlyList<YamlNode>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (Read(node, source, policies, hidden, out var requires) is not { } check)
            {
                continue;
            }

            if (checks.Any(c => c.Name == check.Name))
            {
                source.Report(ScenarioCodes.DuplicateCheck, $"Two checks are named \"{check.Name}\".", node);
                continue;
            }

            checks.Add(check);
            requiresNodes[check.Name] = requires;
        }

        RequiresGraph.Check(checks, earlier ?? [], requiresNodes, source);
        return checks;
    }

    private static CheckSpec? Read(YamlNode node, YamlSource source, PolicyReferences policies, bool hidden, out IReadOnlyList<YamlNode> requiresNodes)
    {
        var fields = new YamlFields(node, "a check", source, hidden ? HiddenCheckFields : CheckFields);
        var name = fields.String("name", required: true);
        var hints = Hints(fields);
        requiresNodes = fields.List("requires");
        var requires = fields.Strings("requires");
        if (name is not null && !CheckName().IsMatch(name))
        {
            source.Report(ScenarioCodes.InvalidValue, $"The check name \"{name}\" must use lowercase letters, digits and '-'.", fields.Node("name")!);
        }

        var weight = fields.Int("weight") ?? 1;
        if (weight < 0)
        {
            source.Report(ScenarioCodes.InvalidValue, $"The weight must be 0 or more, not {weight}.", fields.Node("weight")!);
        }

        var forms = CheckForms.Where(fields.Has).ToList();
        if (forms.Count != 1)
        {
            source.Report(ScenarioCodes.CheckForm, $"A check needs exactly one of request, steps, noFindings, attack or findings{(forms.Count > 1 ? $", not {string.Join(" and ", forms)}" : "")}.", node);
            return null;
        }

        var steps = new List<StepSpec>();
        IReadOnlyList<string> noFindings = [];
        FindingsCheckSpec? findings = null;
        if (fields.Has("fixed") && !fields.Has("attack"))
        {
            source.Report(ScenarioCodes.CheckForm, "\"fixed\" belongs to an attack check.", fields.Node("fixed")!);
        }

        if (fields.Has("attack"))
        {
            // The learner's attack file: its chain, then the challenge's goal (CheckLabForms checks the name).
        }
        else if (fields.Node("findings") is { } findingsNode)
        {
            var f = new YamlFields(findingsNode, "findings", source, "file", "field", "call");
            var file = f.String("file", required: true);
            var field = f.String("field", required: true);
            var call = f.String("call", required: true);
            if (field is not null && !Attacks.FindingsFile.Fields.Contains(field, StringComparer.Ordinal))
            {
                source.Report(ScenarioCodes.InvalidValue, $"\"{field}\" is not a field of a findings file ({string.Join(", ", Attacks.FindingsFile.Fields)}).", f.Node("field")!);
            }

            findings = file is null || field is null || call is null ? null : new FindingsCheckSpec(file, field, call);
        }
        else if (fields.Node("request") is { } requestNode)
        {
            var request = new YamlFields(requestNode, "a request", source, "principal", "action", "resource", "context");
            var principal = request.String("principal", required: true);
            var spec = Request(request);
            if (spec is not null && principal is not null)
            {
                steps.Add(new StepSpec { As = principal, Request = spec, IsPlainRequest = true, Spot = source.SpotOf(requestNode) });
            }
        }
        else if (fields.Has("steps"))
        {
            var list = fields.List("steps");
            for (var i = 0; i < list.Count; i++)
            {
                if (Step(list[i], source, policies, first: i == 0) is { } step)
                {
                    steps.Add(step);
                }
            }

            if (list.Count == 0)
            {
                source.Report(ScenarioCodes.CheckForm, "\"steps\" needs at least one step.", fields.Node("steps")!);
            }
        }
        else
        {
            noFindings = fields.Strings("noFindings");
            foreach (var code in noFindings.Where(c => !Security.FindingCodes.All.Contains(c)))
            {
                source.Report(ScenarioCodes.InvalidValue, $"\"{code}\" is not a security finding code ({string.Join(", ", Security.FindingCodes.All)}).", fields.Node("noFindings")!);
            }
        }

        policies.CheckFile(fields.String("file"), fields.Node("file"));
        var expect = Expect(fields);
        if (expect is null && !fields.Has("noFindings") && !fields.Has("findings") && !fields.Has("expect"))
        {
            source.Report(ScenarioCodes.MissingField, "The field \"expect\" is required here (allowed, denied, explicitDeny, implicitDeny or {error: CODE}).", node);
        }
        else if ((fields.Has("noFindings") || fields.Has("findings")) && fields.Has("expect"))
        {
            source.Report(ScenarioCodes.CheckForm, $"A {(fields.Has("findings") ? "findings" : "noFindings")} check takes no \"expect\".", fields.Node("expect")!);
        }
        else if (fields.Has("attack") && expect is not null && expect.Kind is not (ExpectKind.Allowed or ExpectKind.Denied))
        {
            source.Report(ScenarioCodes.InvalidValue, "An attack check expects allowed (the attack gets in) or denied (some step or the goal is refused).", fields.Node("expect")!);
        }

        var tests = fields.String("tests");
        if (tests is not null && tests.Trim().Length == 0)
        {
            source.Report(ScenarioCodes.InvalidValue, "\"tests\" must quote a sentence of the scenario README's task, not be empty.", fields.Node("tests")!);
        }

        return name is null || hints is null
            ? null
            : new CheckSpec
            {
                Name = name,
                Hints = hints,
                Requires = requires,
                Tests = tests,
                Weight = Math.Max(0, weight),
                File = fields.String("file"),
                At = fields.Time("at"),
                Steps = steps,
                NoFindings = noFindings,
                Attack = fields.String("attack"),
                Fixed = fields.Bool("fixed") ?? false,
                Findings = findings,
                Expect = expect,
                Hidden = hidden,
                Spot = source.SpotOf(node),
            };
    }

    /// <summary>Reads <c>incident:</c>: steps with an optional <c>name</c>, run in every build of the world.</summary>
    public static List<StepSpec> ReadIncident(IReadOnlyList<YamlNode> nodes, YamlSource source, PolicyReferences policies)
    {
        var steps = new List<StepSpec>();
        for (var i = 0; i < nodes.Count; i++)
        {
            // The step reader reports the fields (name among them); the name is read here from the node itself.
            var name = nodes[i] is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var value) ? (value as YamlScalarNode)?.Value : null;
            if (Step(nodes[i], source, policies, first: i == 0, named: true) is not { } step)
            {
                continue;
            }

            if (name is not null && steps.Any(s => s.Name == name))
            {
                source.Report(ScenarioCodes.InvalidValue, $"Two calls of the incident are named \"{name}\".", nodes[i]);
            }

            steps.Add(step with { Name = name });
        }

        return steps;
    }

    /// <summary>Checks that attack and findings checks name the scenario's attack files, challenges and incident calls.</summary>
    public static void CheckLabForms(IReadOnlyList<CheckSpec> checks, IReadOnlyList<ScenarioFile> files, IReadOnlyList<ChallengeSpec> challenges,
        IReadOnlyList<StepSpec> incident, YamlSource source)
    {
        foreach (var check in checks)
        {
            var spot = check.Spot;
            if (check.Attack is { } attack && challenges.All(c => c.File != attack))
            {
                source.Problems.Add(new ScenarioProblem(ScenarioCodes.UnknownFile,
                    $"The check {check.Name} attacks with \"{attack}\", which no challenge uses ({string.Join(", ", challenges.Select(c => c.File))}).", spot));
            }

            if (check.Findings is { } findings)
            {
                if (files.FirstOrDefault(f => f.Name == findings.File) is not { Form: FileForm.Findings })
                {
                    source.Problems.Add(new ScenarioProblem(ScenarioCodes.UnknownFile, $"The check {check.Name} reads \"{findings.File}\", which is not one of the scenario's findings files.", spot));
                }

                if (incident.All(s => s.Name != findings.Call))
                {
                    source.Problems.Add(new ScenarioProblem(ScenarioCodes.InvalidValue,
                        $"The check {check.Name} names the incident call \"{findings.Call}\", which the incident does not have ({string.Join(", ", incident.Select(s => s.Name).OfType<string>())}).", spot));
                }
            }
        }
    }

    // hint: one text, or a list of 1 to 3 texts ordered nudge, concept, answer.
    private static List<string>? Hints(YamlFields fields)
    {
        switch (fields.Node("hint"))
        {
            case null:
                fields.String("hint", required: true);
                return null;
            case YamlMappingNode map:
                fields.Source.Report(ScenarioCodes.WrongType, "\"hint\" must be one text, or a list of 1 to 3 texts (nudge, concept, answer).", map);
                return null;
            case YamlSequenceNode list:
                var hints = fields.Strings("hint").ToList();
                if (list.Children.Count is < 1 or > 3)
                {
                    fields.Source.Report(ScenarioCodes.InvalidValue,
                        $"\"hint\" lists {list.Children.Count} levels; give one text, or a list of 1 to 3 (nudge, concept, answer).", list);
                    return null;
                }

                if (hints.Any(h => h.Trim().Length == 0))
                {
                    fields.Source.Report(ScenarioCodes.InvalidValue, "Every level of \"hint\" needs text.", list);
                    return null;
                }

                return hints.Count == list.Children.Count ? hints : null;
            default:
                return fields.String("hint") is { } hint ? [hint] : null;
        }
    }

    private static Expectation? Expect(YamlFields fields)
    {
        var node = fields.Node("expect");
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Value: { } text }:
                ExpectKind? kind = text switch
                {
                    "allowed" => ExpectKind.Allowed,
                    "denied" => ExpectKind.Denied,
                    "explicitDeny" => ExpectKind.ExplicitDeny,
                    "implicitDeny" => ExpectKind.ImplicitDeny,
                    _ => null,
                };
                if (kind is null)
                {
                    fields.Source.Report(ScenarioCodes.InvalidValue, $"\"{text}\" is not an outcome; use allowed, denied, explicitDeny, implicitDeny or {{error: CODE}}.", node);
                    return null;
                }

                return new Expectation(kind.Value);
            default:
                var error = new YamlFields(node, "expect", fields.Source, "error").String("error", required: true);
                return error is null ? null : new Expectation(ExpectKind.Error, error);
        }
    }

    private static StepSpec? Step(YamlNode node, YamlSource source, PolicyReferences policies, bool first, bool named = false)
    {
        var fields = new YamlFields(node, "a step", source, named ? [.. StepFields, "name"] : StepFields);
        var actions = StepActions.Where(fields.Has).ToList();
        if (actions.Count != 1)
        {
            source.Report(ScenarioCodes.StepForm, $"A step needs exactly one of {string.Join(", ", StepActions)}{(actions.Count > 1 ? $", not {string.Join(" and ", actions)}" : "")}.", node);
            return null;
        }

        var step = new StepSpec { As = fields.String("as"), After = StepWait.Read(fields), Spot = source.SpotOf(node) };
        var action = actions[0];
        var body = fields.Node(action)!;
        step = action switch
        {
            "assumeRole" => step with { AssumeRole = AssumeRole(body, source, policies) },
            "assumeRoleWithSaml" => step with { AssumeRoleWithSaml = Saml(body, source, policies) },
            "assumeRoleWithWebIdentity" => step with { AssumeRoleWithWebIdentity = WebIdentity(body, source, policies) },
            "ec2Instance" => step with { Ec2Instance = Ec2(body, source) },
            "lambdaFunction" => step with { LambdaFunction = Lambda(body, source) },
            _ => step with { Request = Request(new YamlFields(body, "a request", source, "action", "resource", "context", "fromInstance")) },
        };
        var needsCredentials = action is "assumeRole" or "request";
        if (first && needsCredentials && step.As is null)
        {
            source.Report(ScenarioCodes.StepForm, $"The first step ({action}) needs \"as\": the user whose access key makes the call.", node);
        }

        return step.AssumeRole is null && step.AssumeRoleWithSaml is null && step.AssumeRoleWithWebIdentity is null && step.Ec2Instance is null
            && step.LambdaFunction is null && step.Request is null ? null : step;
    }

    private static RequestSpec? Request(YamlFields fields)
    {
        var action = fields.String("action", required: true);
        var resource = fields.String("resource", required: true);
        return action is null || resource is null ? null : new RequestSpec(action, resource, fields.Context("context")) { FromInstance = fields.Bool("fromInstance") ?? false };
    }

    private static AssumeRoleSpec? AssumeRole(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var f = new YamlFields(node, "assumeRole", source, "roleArn", "roleSessionName", "externalId", "durationSeconds", "policy", "policyArns",
            "sourceIdentity", "tags", "transitiveTagKeys", "sourceIp", "mfa", "context");
        var roleArn = f.String("roleArn", required: true);
        var context = new Dictionary<string, string[]>(f.Context("context"), StringComparer.OrdinalIgnoreCase);
        if (f.String("sourceIp") is { } ip)
        {
            context["aws:SourceIp"] = [ip];
        }

        // How the caller signed, as AWS tells it to policies: omitted is an IAM user's long-term access key, which carries no MFA
        // key at all; true is a call made with MFA just proved (SerialNumber and TokenCode, or MFA-backed temporary
        // credentials), with aws:MultiFactorAuthAge; false is temporary credentials obtained without MFA.
        if (f.Bool("mfa") is { } mfa)
        {
            context["aws:MultiFactorAuthPresent"] = [mfa ? "true" : "false"];
            if (mfa)
            {
                context["aws:MultiFactorAuthAge"] = ["0"];
            }
        }

        return roleArn is null ? null : new AssumeRoleSpec
        {
            RoleArn = roleArn,
            RoleSessionName = f.String("roleSessionName") ?? "iamlab",
            ExternalId = f.String("externalId"),
            DurationSeconds = f.Int("durationSeconds"),
            Policy = policies.Document(f.Node("policy"), "a session policy"),
            PolicyArns = f.Strings("policyArns"),
            SourceIdentity = f.String("sourceIdentity"),
            Tags = f.StringMap("tags"),
            TransitiveTagKeys = f.Strings("transitiveTagKeys"),
            Context = context,
        };
    }

    private static SamlStepSpec? Saml(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var f = new YamlFields(node, "assumeRoleWithSaml", source, "roleArn", "principalArn", "nameId", "roleSessionName", "sessionDuration",
            "principalTags", "audience", "durationSeconds", "policy");
        var roleArn = f.String("roleArn", required: true);
        var principalArn = f.String("principalArn", required: true);
        var nameId = f.String("nameId", required: true);
        return roleArn is null || principalArn is null || nameId is null ? null : new SamlStepSpec
        {
            RoleArn = roleArn,
            PrincipalArn = principalArn,
            NameId = nameId,
            RoleSessionName = f.String("roleSessionName"),
            SessionDuration = f.Int("sessionDuration"),
            PrincipalTags = f.StringMap("principalTags"),
            Audience = f.String("audience"),
            DurationSeconds = f.Int("durationSeconds"),
            Policy = policies.Document(f.Node("policy"), "a session policy"),
        };
    }

    private static WebIdentityStepSpec? WebIdentity(YamlNode node, YamlSource source, PolicyReferences policies)
    {
        var f = new YamlFields(node, "assumeRoleWithWebIdentity", source, "roleArn", "roleSessionName", "issuer", "audience", "github", "durationSeconds", "policy");
        var roleArn = f.String("roleArn", required: true);
        if (!f.Has("github"))
        {
            source.Report(ScenarioCodes.MissingField, "The field \"github\" is required here (the workflow run the token describes).", node);
        }

        var github = new YamlFields(f.Node("github"), "github", source, "repository", "ref", "environment", "event");
        var repository = f.Has("github") ? github.String("repository", required: true) : null;
        if (roleArn is null || repository is null)
        {
            return null;
        }

        var spec = WebIdentityStepFields.Spec(f, github, roleArn, repository);
        return spec with
        {
            Issuer = f.String("issuer") ?? spec.Issuer,
            Policy = policies.Document(f.Node("policy"), "a session policy"),
        };
    }

    private static Ec2StepSpec? Ec2(YamlNode node, YamlSource source)
    {
        var f = new YamlFields(node, "ec2Instance", source, "account", "instanceProfile", "launchedBy", "metadataOptions", "imds");
        var account = f.String("account", required: true);
        var profile = f.String("instanceProfile", required: true);
        var options = new YamlFields(f.Node("metadataOptions"), "metadataOptions", source, "httpTokens", "httpPutResponseHopLimit");
        var tokens = options.String("httpTokens");
        if (tokens is not null and not ("optional" or "required"))
        {
            source.Report(ScenarioCodes.InvalidValue, $"httpTokens is optional or required, not \"{tokens}\".", options.Node("httpTokens")!);
        }

        var hops = options.Int("httpPutResponseHopLimit");
        if (hops is < 1 or > 64)
        {
            source.Report(ScenarioCodes.InvalidValue, $"httpPutResponseHopLimit is 1 to 64, not {hops}.", options.Node("httpPutResponseHopLimit")!);
        }

        var imds = new YamlFields(f.Node("imds"), "imds", source, "token", "hops");
        var readHops = imds.Int("hops") ?? 1;
        if (readHops < 1)
        {
            source.Report(ScenarioCodes.InvalidValue, $"hops is 1 or more, not {readHops}.", imds.Node("hops")!);
        }

        return account is null || profile is null ? null : new Ec2StepSpec(account, profile)
        {
            LaunchedBy = f.String("launchedBy"),
            HttpTokens = tokens,
            HopLimit = hops?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ImdsToken = imds.Bool("token") ?? true,
            ImdsHops = readHops,
        };
    }

    private static LambdaStepSpec? Lambda(YamlNode node, YamlSource source)
    {
        var f = new YamlFields(node, "lambdaFunction", source, "account", "name", "roleArn");
        var account = f.String("account", required: true);
        var name = f.String("name", required: true);
        var roleArn = f.String("roleArn", required: true);
        return account is null || name is null || roleArn is null ? null : new LambdaStepSpec(account, name, roleArn);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CheckName();
}
