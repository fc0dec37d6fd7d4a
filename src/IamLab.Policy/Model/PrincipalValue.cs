using IamLab.Policy.Json;

namespace IamLab.Policy.Model;

/// <summary>One principal named in a Principal or NotPrincipal element.</summary>
public sealed record PrincipalValue(PrincipalType Type, string Text, SourcePosition Position);
