using System.Xml;
using IamLab.Endpoint.Hosting;
using IamLab.Policy.Evaluation;
using IamLab.World.Simulation;

namespace IamLab.Endpoint.Iam;

/// <summary>SimulatePrincipalPolicy and SimulateCustomPolicy, answered with AWS's EvaluationResults.</summary>
internal static class IamSimulationOperations
{
    public static QueryOutcome SimulatePrincipalPolicy(IamRequest r)
    {
        var source = r.Input.Required("PolicySourceArn");
        var actions = RequiredList(r, "ActionNames");
        var resources = r.Input.Members("ResourceArns");
        var inputs = r.Input.Members("PolicyInputList");
        var resourcePolicy = r.Input.Optional("ResourcePolicy");
        var context = Context(r);
        return r.Serve("SimulatePrincipalPolicy", "iam:SimulatePrincipalPolicy", () => source,
            iam => iam.SimulatePrincipalPolicy(source, actions, resources, context, inputs, resourcePolicy), Write, changed: false);
    }

    public static QueryOutcome SimulateCustomPolicy(IamRequest r)
    {
        var inputs = RequiredList(r, "PolicyInputList");
        var actions = RequiredList(r, "ActionNames");
        var resources = r.Input.Members("ResourceArns");
        var caller = r.Input.Optional("CallerArn");
        var resourcePolicy = r.Input.Optional("ResourcePolicy");
        var context = Context(r);
        // SimulateCustomPolicy has no resource type in the service authorization reference: authorized on "*".
        return r.Serve("SimulateCustomPolicy", "iam:SimulateCustomPolicy", () => "*",
            iam => iam.SimulateCustomPolicy(inputs, actions, resources, context, caller, resourcePolicy), Write, changed: false);
    }

    private static IReadOnlyList<string> RequiredList(IamRequest r, string name)
    {
        var values = r.Input.Members(name);
        if (values.Count == 0)
        {
            r.Input.Fail(null, name, "Member must not be null");
        }

        return values;
    }

    // ContextEntries.member.N.ContextKeyName / ContextKeyType / ContextKeyValues.member.M
    private static RequestContext Context(IamRequest r)
    {
        var context = new RequestContext();
        foreach (var entry in r.Input.Structs("ContextEntries"))
        {
            if (!entry.TryGetValue("ContextKeyName", out var key))
            {
                continue;
            }

            var values = entry
                .Where(e => e.Key.StartsWith("ContextKeyValues.member.", StringComparison.Ordinal))
                .OrderBy(e => int.TryParse(e.Key["ContextKeyValues.member.".Length..], out var i) ? i : int.MaxValue)
                .Select(e => e.Value)
                .ToArray();
            context.Set(key, values);
        }

        return context;
    }

    private static void Write(XmlWriter w, IReadOnlyList<SimulationResult> results)
    {
        w.WriteStartElement("EvaluationResults");
        foreach (var result in results)
        {
            w.WriteStartElement("member");
            w.WriteElementString("EvalActionName", result.EvalActionName);
            w.WriteElementString("EvalResourceName", result.EvalResourceName);
            w.WriteElementString("EvalDecision", result.EvalDecision);
            w.WriteStartElement("MatchedStatements");
            foreach (var statement in result.MatchedStatements)
            {
                w.WriteStartElement("member");
                w.WriteElementString("SourcePolicyId", statement.Policy.ToString());
                w.WriteEndElement();
            }

            w.WriteEndElement();
            IamXml.Members(w, "MissingContextValues", result.MissingContextValues);
            if (result.OrganizationsDecisionDetail is { } org)
            {
                w.WriteStartElement("OrganizationsDecisionDetail");
                w.WriteElementString("AllowedByOrganizations", org.AllowedByOrganizations ? "true" : "false");
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteElementString("IsTruncated", "false");
    }
}
