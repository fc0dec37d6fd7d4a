namespace IamLab.Policy.Model;

/// <summary>A policy document as read: its version, id and statements.</summary>
public sealed class PolicyDocument
{
    /// <summary>Makes a policy.</summary>
    public PolicyDocument(string? version, string? id, IReadOnlyList<Statement> statements, bool statementIsArray = true)
    {
        Version = version;
        Id = id;
        Statements = statements;
        StatementIsArray = statementIsArray;
    }

    /// <summary>The Version element, or null when the policy has none (AWS then uses 2008-10-17).</summary>
    public string? Version { get; }

    /// <summary>The Id element, if any.</summary>
    public string? Id { get; }

    /// <summary>The statements in order.</summary>
    public IReadOnlyList<Statement> Statements { get; }

    /// <summary>Whether Statement was written as an array (kept so writing the policy back preserves its shape).</summary>
    public bool StatementIsArray { get; }

    /// <summary>True when policy variables are replaced: only in version 2012-10-17.</summary>
    public bool VariablesEnabled => Version == PolicyVersion.Current;
}
