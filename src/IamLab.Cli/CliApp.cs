using System.CommandLine;
using IamLab.Cli.Commands;

namespace IamLab.Cli;

/// <summary>Builds the command tree and runs it; the entry point of the <c>iamlab</c> tool and of the CLI tests.</summary>
public static class CliApp
{
    /// <summary>
    /// Runs the command line, writing to the given writers, and returns the exit status: 0 success, 1 a check or
    /// expectation failed, 2 bad input or arguments, 3 an internal error (a bug in the lab).
    /// </summary>
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
            StateCommand.Build(output, error),
            EndpointCommand.Build(output, error),
            EventsCommand.Build(output, error),
            NotebookCommand.Build(output, error),
            ClassCommand.Build(output, error),
            GradebookCommand.Build(output, error),
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

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the lab, not in the user's input: one line (no stack trace) and a status of its own.
            await error.WriteLineAsync($"iamlab: internal error ({e.GetType().Name}: {e.Message}); please report it with the command and its input.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
