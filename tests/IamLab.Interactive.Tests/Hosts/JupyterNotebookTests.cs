namespace IamLab.Interactive.Tests.Hosts;

/// <summary>The notebooks in Jupyter (nbconvert with the .net-csharp kernel).</summary>
[Collection(HostProcesses.Name)]
public sealed class JupyterNotebookTests() : HostedNotebookTests(NotebookHost.Jupyter);
