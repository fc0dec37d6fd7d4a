namespace IamLab.Interactive.Tests.Hosts;

/// <summary>The notebooks in dotnet-repl, the kernel of VS Code's Polyglot Notebooks.</summary>
[Collection(HostProcesses.Name)]
public sealed class DotnetReplNotebookTests() : HostedNotebookTests(NotebookHost.DotnetRepl);
