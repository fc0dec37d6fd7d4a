namespace IamLab.Interactive.Tests.Hosts;

/// <summary>
/// The tests that run notebooks in host processes. They share <see cref="HostedRuns"/>' slots; one collection keeps
/// xUnit from starting a third test class beside them, and their kernels do not touch this process's state, so they
/// may run beside the in-process notebook tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostProcesses
{
    public const string Name = "Notebook host processes";
}
