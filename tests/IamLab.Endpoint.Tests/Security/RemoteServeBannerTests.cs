using IamLab.Endpoint.Tests.State;
using Xunit;

namespace IamLab.Endpoint.Tests.Security;

/// <summary>
/// <c>iamlab serve --host 0.0.0.0</c> run as the user runs it: without <c>--allow-remote</c> it stops with the reason
/// (it used to bind every interface silently); with it, the banner names the address really bound (it used to print
/// 127.0.0.1), standard error warns that the network can reach it, and no root keys are offered.
/// </summary>
public sealed class RemoteServeBannerTests
{
    [Fact]
    public async Task EveryInterface_WithoutAllowRemote_ExitsTwoWithTheReason()
    {
        using var server = await IamlabProcess.StartAsync("serve", "--host", "0.0.0.0", "--port", "0");

        var exit = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("iamlab serve: Binding 0.0.0.0 would let anyone who reaches this machine act as the root of every account", server.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryInterface_WithAllowRemote_BannerNamesTheBoundAddress_AndStandardErrorWarns()
    {
        using var server = await IamlabProcess.StartAsync("serve", "--host", "0.0.0.0", "--port", "0", "--allow-remote");
        await server.WaitForUrlAsync();
        server.Terminate();
        _ = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var banner = server.Output.Split('\n').First(l => l.Contains("listening on", StringComparison.Ordinal)).Trim();
        var port = banner[(banner.LastIndexOf(':') + 1)..].TrimEnd(')');

        Assert.Equal($"IAM Roles Lab endpoint listening on http://0.0.0.0:{port} (every interface; from this machine: http://127.0.0.1:{port})", banner);
        Assert.Contains($"iamlab serve: WARNING: listening on http://0.0.0.0:{port}, reachable from the network.", server.Errors, StringComparison.Ordinal);
        Assert.Contains("Root convention off, /_lab token minting off, anonymous instance metadata off", server.Errors, StringComparison.Ordinal);
        Assert.Contains("Credentials: the root convention is off (--allow-remote); sign with an IAM user's access key.", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("export AWS_ACCESS_KEY_ID", server.Output, StringComparison.Ordinal);
    }
}
