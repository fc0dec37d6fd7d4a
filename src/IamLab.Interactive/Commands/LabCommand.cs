using Microsoft.DotNet.Interactive.Commands;

namespace IamLab.Interactive.Commands;

/// <summary>The base of the lab's magic-command kernel commands: the parameters bind to the properties of subclasses.</summary>
public abstract class LabCommand : KernelCommand
{
    /// <summary><c>--help</c>: show the description and run nothing.</summary>
    public bool Help { get; set; }

    /// <summary>
    /// <c>--at</c> (on the commands that declare it): run at this world time, a duration from the world's time now
    /// (<c>+20m</c>) or an instant (<c>2026-01-15T13:30:00Z</c>); the world's clock moves there first.
    /// </summary>
    public string? At { get; set; }
}
