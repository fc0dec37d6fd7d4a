using IamLab.Policy.Diagnostics;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Json;
using IamLab.Policy.Model;
using IamLab.Policy.Reading;

namespace IamLab.Policy.Cases;

/// <summary>Reads cases in the case format from JSON, collecting every problem with its location.</summary>
public static class CaseReader
{
    private static readonly string[] Keys = ["name", "request", "identityPolicies", "resourcePolicy", "permissionsBoundary", "sessionPolicy", "serviceControlPolicies", "resourceControlPolicies", "expected", "expectedErrors", "doc", "comment"];
    private static readonly string[] RequestKeys = ["principal", "action", "resource", "resourceAccount", "context"];

    /// <summary>Reads a text holding one case (an object) or several (an array of objects).</summary>
    public static (IReadOnlyList<EvalCase> Cases, Diagnostic? Error) ReadMany(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (node, error) = SourceReader.Read(text);
        if (node is null)
        {
            return ([], CaseError(PolicyCodes.JsonSyntax, $"The file is not valid JSON: {error!.Message}", "$", error.Position));
        }

        if (node.Kind == SourceKind.Object)
        {
            return ([Read(node, "$", 0)], null);
        }

        if (node.Kind != SourceKind.Array)
        {
            return ([], CaseError(PolicyCodes.WrongType, $"A case file must hold a case object or an array of cases, not {node.KindName}.", "$", node.Position));
        }

        var cases = new List<EvalCase>();
        for (var i = 0; i < node.Items.Count; i++)
        {
            cases.Add(Read(node.Items[i], $"$[{i}]", i));
        }

        return (cases, null);
    }

    /// <summary>Reads one case from a JSON text (one line of a JSON Lines file).</summary>
    public static EvalCase ReadOne(string text, int number)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (node, error) = SourceReader.Read(text);
        return node is null
            ? Failed($"case {number}", CaseError(PolicyCodes.JsonSyntax, $"The case is not valid JSON: {error!.Message}", "$", error.Position))
            : Read(node, "$", number);
    }

    /// <summary>Reads one case from a parsed JSON value.</summary>
    public static EvalCase Read(SourceNode node, string path, int number)
    {
        ArgumentNullException.ThrowIfNull(node);
        var diagnostics = new List<Diagnostic>();
        var fallbackName = $"case {number}";
        if (node.Kind != SourceKind.Object)
        {
            return Failed(fallbackName, CaseError(PolicyCodes.WrongType, $"A case must be an object, not {node.KindName}.", path, node.Position));
        }

        var members = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        foreach (var property in node.Properties)
        {
            if (!Keys.Contains(property.Name))
            {
                diagnostics.Add(CaseError(PolicyCodes.UnknownCaseKey, $"\"{Findings.Quote(property.Name)}\" is not a key of the case format.", $"{path}.{property.Name}", property.NamePosition, Suggestions.Nearest(property.Name, Keys)));
                continue;
            }

            members[property.Name] = property.Value;
        }

        var name = members.TryGetValue("name", out var nameNode) && nameNode.Kind == SourceKind.String ? nameNode.Text! : fallbackName;
        var policies = new PolicySet
        {
            IdentityPolicies = members.TryGetValue("identityPolicies", out var identity) ? PolicyList(identity, $"{path}.identityPolicies", diagnostics) : [],
            ResourcePolicy = members.TryGetValue("resourcePolicy", out var resource) ? Policy(resource, $"{path}.resourcePolicy", diagnostics) : null,
            PermissionsBoundary = members.TryGetValue("permissionsBoundary", out var boundary) ? Policy(boundary, $"{path}.permissionsBoundary", diagnostics) : null,
            SessionPolicies = members.TryGetValue("sessionPolicy", out var session) ? (Policy(session, $"{path}.sessionPolicy", diagnostics) is { } one ? [one] : []) : null,
            ServiceControlPolicies = members.TryGetValue("serviceControlPolicies", out var scps) ? Levels(scps, $"{path}.serviceControlPolicies", diagnostics) : null,
            ResourceControlPolicies = members.TryGetValue("resourceControlPolicies", out var rcps) ? Levels(rcps, $"{path}.resourceControlPolicies", diagnostics) : null,
        };

        Decision? expected = null;
        var expectsRefusal = false;
        if (members.TryGetValue("expected", out var expectedNode))
        {
            if (expectedNode.Kind == SourceKind.String && DecisionNames.TryParse(expectedNode.Text, out var parsed))
            {
                expected = parsed;
            }
            else if (expectedNode.Kind == SourceKind.String && expectedNode.Text == "refused")
            {
                expectsRefusal = true;
            }
            else
            {
                var shown = expectedNode.ScalarText ?? expectedNode.KindName;
                diagnostics.Add(CaseError(PolicyCodes.InvalidExpected, $"\"{Findings.Quote(shown)}\" is not a decision; use \"allowed\", \"explicitDeny\", \"implicitDeny\" or \"refused\".", $"{path}.expected", expectedNode.Position,
                    Suggestions.Nearest(shown, ["allowed", "explicitDeny", "implicitDeny", "refused"])));
            }
        }

        var expectedErrors = members.TryGetValue("expectedErrors", out var codesNode) ? Codes(codesNode, $"{path}.expectedErrors", diagnostics) : [];
        if (expectedErrors.Count > 0 && !expectsRefusal)
        {
            diagnostics.Add(CaseError(PolicyCodes.InvalidExpected, "\"expectedErrors\" goes with \"expected\": \"refused\" only: a case that is decided reports no errors.", $"{path}.expectedErrors", codesNode!.Position));
        }

        AuthorizationRequest? request = null;
        if (!members.TryGetValue("request", out var requestNode))
        {
            diagnostics.Add(CaseError(PolicyCodes.MissingRequest, "The case has no \"request\".", path, node.Position));
        }
        else
        {
            request = Request(requestNode, $"{path}.request", diagnostics);
        }

        return new EvalCase(name, request, policies, expected, diagnostics) { ExpectsRefusal = expectsRefusal, ExpectedErrors = expectedErrors };
    }

    private static AuthorizationRequest? Request(SourceNode node, string path, List<Diagnostic> diagnostics)
    {
        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(CaseError(PolicyCodes.WrongType, $"\"request\" must be an object, not {node.KindName}.", path, node.Position));
            return null;
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var context = new RequestContext();
        foreach (var property in node.Properties)
        {
            var keyPath = $"{path}.{property.Name}";
            if (!RequestKeys.Contains(property.Name))
            {
                diagnostics.Add(CaseError(PolicyCodes.UnknownCaseKey, $"\"{Findings.Quote(property.Name)}\" is not a key of a request.", keyPath, property.NamePosition, Suggestions.Nearest(property.Name, RequestKeys)));
            }
            else if (property.Name == "context")
            {
                ReadContext(property.Value, keyPath, context, diagnostics);
            }
            else if (property.Value.Kind == SourceKind.String)
            {
                strings[property.Name] = property.Value.Text!;
            }
            else
            {
                diagnostics.Add(CaseError(PolicyCodes.WrongType, $"\"{property.Name}\" must be a string, not {property.Value.KindName}.", keyPath, property.Value.Position));
            }
        }

        var ok = true;
        foreach (var required in RequestKeys.Take(3))
        {
            if (!strings.ContainsKey(required))
            {
                diagnostics.Add(CaseError(PolicyCodes.MissingRequestKey, $"The request has no \"{required}\".", path, node.Position));
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var resourceAccount = strings.GetValueOrDefault("resourceAccount");
        if (resourceAccount is not null && ArnAccount(strings["resource"]) is { } inArn && inArn != resourceAccount)
        {
            var at = node.Properties.First(p => p.Name == "resourceAccount").Value.Position;
            diagnostics.Add(new Diagnostic(PolicyCodes.ResourceAccountMismatch, Severity.Warning, inArn == AuthorizationRequest.AwsAccount
                ? $"\"resourceAccount\" says \"{Findings.Quote(resourceAccount)}\", but the resource ARN belongs to AWS (account \"aws\"), never to the caller's account; the ARN wins."
                : $"\"resourceAccount\" says \"{Findings.Quote(resourceAccount)}\", but the resource ARN names account \"{Findings.Quote(inArn)}\".", $"{path}.resourceAccount", at));
        }

        return new AuthorizationRequest(strings["principal"], strings["action"], strings["resource"], context, resourceAccount);
    }

    private static void ReadContext(SourceNode node, string path, RequestContext context, List<Diagnostic> diagnostics)
    {
        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(CaseError(PolicyCodes.WrongType, $"\"context\" must be an object of keys, not {node.KindName}.", path, node.Position));
            return;
        }

        foreach (var property in node.Properties)
        {
            var value = property.Value;
            if (value.ScalarText is { } single)
            {
                context.Set(property.Name, single);
            }
            else if (value.Kind == SourceKind.Array && value.Items.All(i => i.ScalarText is not null))
            {
                context.Set(property.Name, [.. value.Items.Select(i => i.ScalarText!)]);
            }
            else
            {
                diagnostics.Add(CaseError(PolicyCodes.WrongType, $"The context key \"{Findings.Quote(property.Name)}\" must hold a string or an array of strings, not {value.KindName}.", $"{path}.{property.Name}", value.Position));
            }
        }
    }

    private static PolicyDocument? Policy(SourceNode node, string path, List<Diagnostic> diagnostics)
    {
        var read = PolicyReader.Read(node);
        foreach (var d in read.Diagnostics)
        {
            diagnostics.Add(d with { Path = path + d.Path[1..] });
        }

        return read.Policy;
    }

    private static List<PolicyDocument> PolicyList(SourceNode node, string path, List<Diagnostic> diagnostics)
    {
        var list = new List<PolicyDocument>();
        if (node.Kind != SourceKind.Array)
        {
            diagnostics.Add(CaseError(PolicyCodes.WrongType, $"This must be an array of policies, not {node.KindName}.", path, node.Position));
            return list;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            if (Policy(node.Items[i], $"{path}[{i}]", diagnostics) is { } policy)
            {
                list.Add(policy);
            }
        }

        return list;
    }

    private static List<IReadOnlyList<PolicyDocument>> Levels(SourceNode node, string path, List<Diagnostic> diagnostics)
    {
        var levels = new List<IReadOnlyList<PolicyDocument>>();
        if (node.Kind != SourceKind.Array)
        {
            diagnostics.Add(CaseError(PolicyCodes.WrongType, $"This must be an array of levels, each an array of policies, not {node.KindName}.", path, node.Position));
            return levels;
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            levels.Add(PolicyList(node.Items[i], $"{path}[{i}]", diagnostics));
        }

        return levels;
    }

    private static List<string> Codes(SourceNode node, string path, List<Diagnostic> diagnostics)
    {
        if (node.Kind != SourceKind.Array || node.Items.Any(i => i.Kind != SourceKind.String))
        {
            diagnostics.Add(CaseError(PolicyCodes.WrongType, $"\"expectedErrors\" must be an array of error codes, not {node.KindName}.", path, node.Position));
            return [];
        }

        return [.. node.Items.Select(i => i.Text!)];
    }

    /// <summary>The account segment of an ARN, or null when it has none (S3) or the text is not an ARN.</summary>
    internal static string? ArnAccount(string resource)
    {
        return Arn.TryParse(resource) is { Account.Length: > 0 } arn ? arn.Account : null;
    }

    private static EvalCase Failed(string name, Diagnostic error) => new(name, null, new PolicySet(), null, [error]);

    private static Diagnostic CaseError(string code, string message, string path, SourcePosition at, string? suggestion = null) =>
        new(code, Severity.Error, message, path, at, suggestion);
}
