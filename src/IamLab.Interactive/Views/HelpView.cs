using IamLab.Interactive.Commands;

namespace IamLab.Interactive.Views;

/// <summary>The <c>--help</c> of one command, or the list of all commands (<c>#!lab-help</c>).</summary>
public sealed record HelpView(IReadOnlyList<LabDirective> Directives, bool Detailed);
