using IamLab.Interactive.Commands;
using IamLab.Interactive.Hosting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace IamLab.Interactive.Tests.Extension;

[Collection(KernelTestGroup.Name)]
public sealed class ExtensionLoadTests
{
    [Fact]
    public async Task Loading_into_a_composite_kernel_adds_every_command_to_the_csharp_kernel()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-help");

        Assert.True(cell.Succeeded, cell.Failure);
        foreach (var directive in LabCommands.Directives)
        {
            Assert.Contains($"<code>{directive.Name}</code>", cell.Html);
        }

        Assert.True(FSharpCoreResolver.IsInstalled);
    }

    [Fact]
    public async Task Kernel_extension_interface_loads_and_announces_itself()
    {
        using var csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        using var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        await new LabKernelExtension().OnLoadAsync(composite);

        var cell = new CellResult((await composite.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode("#!lab-timeline --help"))).Events);

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("#!lab-timeline [--session] SESSION", cell.Html);
    }

    [Fact]
    public void Loading_the_same_kernel_twice_keeps_one_state()
    {
        using var kernel = new TestKernel();

        Assert.Same(kernel.Notebook, LabKernelExtension.Load(kernel.Composite));
        Assert.Same(kernel.Notebook, Lab.Current);
    }

    [Fact]
    public async Task A_cell_can_load_the_extension_and_reach_the_state_from_csharp()
    {
        using var csharp = new CSharpKernel().UseKernelHelpers().UseValueSharing();
        using var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        csharp.AddAssemblyReferences([typeof(LabKernelExtension).Assembly.Location, typeof(IamLab.World.LabWorld).Assembly.Location]);

        var load = new CellResult((await composite.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode(
            "var notebook = IamLab.Interactive.LabKernelExtension.Load(Microsoft.DotNet.Interactive.Kernel.Root);\nvar w = new IamLab.World.LabWorld(); w.CreateAccount(\"123456789012\"); IamLab.Interactive.Lab.Use(w);"))).Events);
        var help = new CellResult((await composite.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode("#!lab-access-graph"))).Events);

        Assert.True(load.Succeeded, load.Failure);
        Assert.True(help.Succeeded, help.Failure);
        Assert.Contains("account 123456789012", help.Html);
    }

    [Theory]
    [InlineData("#!lab-help --help")]
    [InlineData("#!lab-scenario --help")]
    [InlineData("#!lab-grade --help")]
    [InlineData("#!lab-timeline --help")]
    [InlineData("#!lab-assume-role --help")]
    [InlineData("#!lab-saml --help")]
    [InlineData("#!lab-github-oidc --help")]
    [InlineData("#!lab-simulate --help")]
    [InlineData("#!lab-access-graph --help")]
    [InlineData("#!lab-matrix --help")]
    [InlineData("#!lab-endpoint --help")]
    public async Task Every_command_describes_itself_with_help(string code)
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync(code);
        var directive = LabCommands.Directives.Single(d => code.StartsWith(d.Name + " ", StringComparison.Ordinal));

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(directive.Usage), cell.Html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(directive.Description), cell.Html);
    }

    [Fact]
    public async Task Unknown_parameter_is_refused_by_the_host_with_its_name()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-simulate --acton s3:GetObject");

        Assert.Contains("Unrecognized parameter name '--acton'", cell.Failure);
    }
}
