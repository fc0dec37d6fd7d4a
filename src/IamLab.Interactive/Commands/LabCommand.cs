using Microsoft.DotNet.Interactive.Commands;

namespace IamLab.Interactive.Commands;

/// <summary>The base of the lab's magic-command kernel commands: the parameters bind to the properties of subclasses.</summary>
public abstract class LabCommand : KernelCommand
{
    /// <summary><c>--help</c>: show the description and run nothing.</summary>
    public bool Help { get; set; }
}
