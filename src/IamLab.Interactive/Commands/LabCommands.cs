using Microsoft.DotNet.Interactive;

namespace IamLab.Interactive.Commands;

/// <summary>Registers every magic command on a kernel, each with <c>--help</c> and the lab's error handling.</summary>
public static class LabCommands
{
    /// <summary>Every command's description, in the order <c>#!lab-help</c> lists them.</summary>
    public static IReadOnlyList<LabDirective> Directives { get; } =
    [
        HelpCommand.Directive,
        ScenarioCommand.Directive,
        PolicyCommand.Directive,
        AssumeRoleCommand.Directive,
        SamlCommand.Directive,
        GitHubOidcCommand.Directive,
        SimulateCommand.Directive,
        AdvanceCommand.Directive,
        GradeCommand.Directive,
        ChainCommand.Directive,
        EventsCommand.Directive,
        TimelineCommand.Directive,
        AccessGraphCommand.Directive,
        MatrixCommand.Directive,
        EndpointCommand.Directive,
    ];

    /// <summary>Adds the commands to <paramref name="kernel"/>; they share <paramref name="notebook"/>.</summary>
    public static void Register(Kernel kernel, LabNotebook notebook)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(notebook);
        Add<HelpCommand>(kernel, HelpCommand.Directive, notebook, (_, c) => HelpCommand.Run(c));
        Add<ScenarioCommand>(kernel, ScenarioCommand.Directive, notebook, (command, c) => ScenarioCommand.Run(command, c, notebook));
        Add<GradeCommand>(kernel, GradeCommand.Directive, notebook, (command, c) => GradeCommand.Run(command, c, notebook));
        Add<PolicyCommand>(kernel, PolicyCommand.Directive, notebook, (command, c) => PolicyCommand.Run(command, c, notebook));
        Add<AssumeRoleCommand>(kernel, AssumeRoleCommand.Directive, notebook, (command, c) => AssumeRoleCommand.Run(command, c, notebook));
        Add<SamlCommand>(kernel, SamlCommand.Directive, notebook, (command, c) => SamlCommand.Run(command, c, notebook));
        Add<GitHubOidcCommand>(kernel, GitHubOidcCommand.Directive, notebook, (command, c) => GitHubOidcCommand.Run(command, c, notebook));
        Add<SimulateCommand>(kernel, SimulateCommand.Directive, notebook, (command, c) => SimulateCommand.Run(command, c, notebook));
        Add<TimelineCommand>(kernel, TimelineCommand.Directive, notebook, (command, c) => TimelineCommand.Run(command, c, notebook));
        Add<AccessGraphCommand>(kernel, AccessGraphCommand.Directive, notebook, (command, c) => AccessGraphCommand.Run(command, c, notebook));
        Add<MatrixCommand>(kernel, MatrixCommand.Directive, notebook, (command, c) => MatrixCommand.Run(command, c, notebook));
        Add<EndpointCommand>(kernel, EndpointCommand.Directive, notebook, (command, c) => EndpointCommand.Run(command, c, notebook));
        Add<AdvanceCommand>(kernel, AdvanceCommand.Directive, notebook, (command, c) => AdvanceCommand.Run(command, c, notebook));
        Add<ChainCommand>(kernel, ChainCommand.Directive, notebook, (command, c) => ChainCommand.Run(command, c, notebook));
        Add<EventsCommand>(kernel, EventsCommand.Directive, notebook, (command, c) => EventsCommand.Run(command, c, notebook));
        kernel.AddMiddleware(PolicyCellBody.Middleware, "IamLab policy cells");
        kernel.AddMiddleware(
            async (command, context, next) =>
            {
                Clock.SdkClock.Sync(notebook);
                await next(command, context).ConfigureAwait(false);
            },
            "IamLab SDK clock");
        kernel.RegisterForDisposal(() =>
        {
            EndpointCommand.StopAsync(notebook).GetAwaiter().GetResult();
            notebook.Scenario?.Dispose();
        });
    }

    private static void Add<TCommand>(Kernel kernel, LabDirective directive, LabNotebook notebook, Func<TCommand, KernelInvocationContext, Task> run)
        where TCommand : LabCommand
    {
        kernel.AddDirective<TCommand>(directive.ToDirective(), async (command, context) =>
        {
            if (command.Help)
            {
                if (command is PolicyCommand)
                {
                    PolicyCellBody.Consume(command);
                }

                context.Display(new Views.HelpView([directive], Detailed: true));
                return;
            }

            try
            {
                if (command.At is { Length: > 0 } at && directive.Parameters.Contains(LabDirective.AtParameter))
                {
                    Clock.WorldClock.MoveTo(notebook, CommandArguments.At(at, Clock.WorldClock.Now(notebook), "--at"), "--at");
                }

                await run(command, context).ConfigureAwait(false);
            }
            catch (LabCommandException e)
            {
                context.Fail(command, null, $"{directive.Name}: {e.Code}: {e.Message}");
            }
#pragma warning disable CA1031 // A bug in a command must fail the cell with a message, not take the notebook host down.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                context.Fail(command, null, $"{directive.Name}: INTERNAL: {e.GetType().Name}: {e.Message}");
            }
        });
    }
}
