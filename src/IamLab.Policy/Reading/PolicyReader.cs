using IamLab.Policy.Diagnostics;
using IamLab.Policy.Json;
using IamLab.Policy.Model;

namespace IamLab.Policy.Reading;

/// <summary>
/// Reads policy JSON into a <see cref="PolicyDocument"/>, accepting every form AWS accepts and collecting
/// every problem with its location. Never throws for bad input.
/// </summary>
public static class PolicyReader
{
    private static readonly string[] TopElements = ["Version", "Id", "Statement"];

    /// <summary>Reads a policy from its JSON text.</summary>
    public static ReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (node, error) = SourceReader.Read(text);
        if (node is null)
        {
            return new ReadResult(null, [Findings.JsonSyntax(error!.Message, error.Position)]);
        }

        return Read(node);
    }

    /// <summary>Reads a policy from an already parsed JSON value (for policies embedded in a larger file).</summary>
    public static ReadResult Read(SourceNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var diagnostics = new List<Diagnostic>();
        if (node.Kind != SourceKind.Object)
        {
            diagnostics.Add(Findings.NotAnObject("A policy", node.KindName, "$", node.Position));
            return new ReadResult(null, diagnostics);
        }

        var members = Members.Collect(node, "$", TopElements, diagnostics);
        string? version = null;
        if (members.TryGetValue("Version", out var versionNode))
        {
            version = Scalars.RequireString(versionNode, "Version", "$.Version", diagnostics);
            if (version is not null && version != PolicyVersion.Current && version != PolicyVersion.Legacy)
            {
                diagnostics.Add(Findings.InvalidVersion(version, "$.Version", versionNode.Position));
                version = null;
            }
        }

        string? id = null;
        if (members.TryGetValue("Id", out var idNode))
        {
            id = Scalars.RequireString(idNode, "Id", "$.Id", diagnostics);
        }

        var statements = new List<Statement>();
        var isArray = true;
        if (!members.TryGetValue("Statement", out var statementNode))
        {
            diagnostics.Add(Findings.MissingStatement(node.Position));
        }
        else if (statementNode.Kind == SourceKind.Object)
        {
            isArray = false;
            AddStatement(statementNode, 0, "$.Statement", version == PolicyVersion.Current, statements, diagnostics);
        }
        else if (statementNode.Kind == SourceKind.Array)
        {
            for (var i = 0; i < statementNode.Items.Count; i++)
            {
                AddStatement(statementNode.Items[i], i, $"$.Statement[{i}]", version == PolicyVersion.Current, statements, diagnostics);
            }
        }
        else
        {
            diagnostics.Add(Findings.WrongType("Statement", "an object or an array of objects", statementNode.KindName, "$.Statement", statementNode.Position));
        }

        return new ReadResult(new PolicyDocument(version, id, statements, isArray), [.. diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)]);
    }

    private static void AddStatement(SourceNode node, int index, string path, bool variables, List<Statement> statements, List<Diagnostic> diagnostics)
    {
        var statement = StatementReader.Read(node, index, path, variables, diagnostics);
        if (statement is not null)
        {
            statements.Add(statement);
        }
    }
}
