using System.Reflection;
using System.Runtime.Loader;
using IamLab.Interactive.Hosting;

namespace IamLab.Interactive.Tests.Extension;

public sealed class FSharpCoreResolverTests
{
    private static Assembly LoadedFSharpCore => typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly;

    [Fact]
    public void Request_for_a_newer_FSharp_Core_gets_the_loaded_one()
    {
        var resolved = FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("FSharp.Core, Version=10.1.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));

        Assert.Same(LoadedFSharpCore, resolved);
    }

    [Fact]
    public void Other_assemblies_are_left_to_other_handlers()
    {
        Assert.Null(FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("Plotly.NET, Version=99.0.0.0")));
    }

    [Fact]
    public void Installed_handler_answers_the_default_context_for_a_version_the_process_does_not_have()
    {
        FSharpCoreResolver.Install();
        Assert.False(FSharpCoreResolver.Install());

        // Version 99 is not on disk: without the handler this load throws FileNotFoundException.
        var resolved = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("FSharp.Core, Version=99.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"));

        Assert.Same(LoadedFSharpCore, resolved);
    }
}
