using System.CommandLine;
using IamLab.Cli.Commands;

namespace IamLab.Cli;

/// <summary>Builds the command tree and runs it; the entry point of the <c>iamlab</c> tool and of the CLI tests.</summary>
public static class CliApp
{
    /// <summary>Runs the command line, writing to the given writers, and returns the exit status.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("IAM Roles Lab: write IAM policies, and see exactly why each request is allowed or denied.")
        {
            EvalCommand.Build(output, error),
            ValidateCommand.Build(output, error),
            GradeCommand.Build(output, error),
            ScenariosCommand.Build(output, error),
            CheckCommand.Build(output, error),
            ServeCommand.Build(output, error),
            NotebookCommand.Build(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"iamlab: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'iamlab --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }
}
