using IamLab.Policy.Diagnostics;

namespace IamLab.Cli.Output;

/// <summary>One finding as the CLI prints it: <c>FILE:LINE:COLUMN: SEVERITY CODE: message Did you mean "..."?</c>.</summary>
internal static class DiagnosticLine
{
    public static string Format(string file, Diagnostic d, bool withJsonPath)
    {
        var hint = d.Suggestion is null ? string.Empty : $" Did you mean \"{d.Suggestion}\"?";
        var where = withJsonPath ? $" [{d.Path}]" : string.Empty;
        return $"{file}:{d.Position}: {d.SeverityName} {d.Code}: {d.Message}{hint}{where}";
    }
}
