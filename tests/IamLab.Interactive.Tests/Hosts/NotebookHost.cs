namespace IamLab.Interactive.Tests.Hosts;

/// <summary>The notebook hosts a learner runs the lab's notebooks in, each started as its own process.</summary>
public enum NotebookHost
{
    /// <summary><c>dotnet-repl</c> 0.3.259 (the local tool): .NET Interactive without ASP.NET Core, as VS Code's Polyglot Notebooks kernel.</summary>
    DotnetRepl,

    /// <summary>Jupyter's executor (<c>jupyter nbconvert --execute</c>) with the <c>.net-csharp</c> kernel of the <c>Microsoft.dotnet-interactive</c> tool 1.0.712001.</summary>
    Jupyter,
}
