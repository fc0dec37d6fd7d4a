using System.CommandLine;
using IamLab.Cli.Output;
using IamLab.Policy.Diagnostics;
using IamLab.Policy.Validation;

namespace IamLab.Cli.Commands;

/// <summary><c>iamlab validate</c>: the findings of IAM Access Analyzer-style policy validation, with locations.</summary>
internal static class ValidateCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("policy") { Description = "The policy JSON file." };
        var kind = new Option<string>("--kind")
        {
            Description = "What the policy is: " + string.Join(", ", DocumentKinds.Names) + ".",
            DefaultValueFactory = _ => "identity",
        };
        var command = new Command("validate", "Check a policy and list the findings (exit status 1 when there is an ERROR).") { file, kind };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var kindName = parse.GetValue(kind);
            if (!DocumentKinds.TryParse(kindName, out var documentKind))
            {
                var hint = Suggestions.Nearest(kindName ?? string.Empty, DocumentKinds.Names);
                error.WriteLine($"iamlab validate: \"{kindName}\" is not a policy kind; use one of {string.Join(", ", DocumentKinds.Names)}.{(hint is null ? string.Empty : $" Did you mean \"{hint}\"?")}");
                return ExitCodes.UsageError;
            }

            if (!InputFile.TryRead(path, error, out var text))
            {
                return ExitCodes.UsageError;
            }

            var result = PolicyValidator.Validate(text, documentKind);
            foreach (var d in result.Diagnostics)
            {
                output.WriteLine(DiagnosticLine.Format(path, d, withJsonPath: true));
            }

            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            output.WriteLine(result.Diagnostics.Count == 0 ? $"{path}: no findings." : $"{path}: {result.Diagnostics.Count} finding(s), {errors} error(s).");
            return errors > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}
