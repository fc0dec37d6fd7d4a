using Microsoft.DotNet.Interactive.Documents;

namespace IamLab.Interactive.Tests.Hosts;

/// <summary>One notebook run in a host process: the executed notebook (null when the host wrote none) and what the process said.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Executed">The notebook with its outputs, as the host wrote it; null when it wrote none.</param>
/// <param name="ExitCode">The host's exit status.</param>
/// <param name="TimedOut">True when the run was stopped at the test's time limit.</param>
/// <param name="Log">The end of the host's standard output and error, for failure messages.</param>
/// <param name="Elapsed">How long the run took.</param>
internal sealed record HostedRun(string Notebook, InteractiveDocument? Executed, int ExitCode, bool TimedOut, string Log, TimeSpan Elapsed);
