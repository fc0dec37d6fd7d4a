using IamLab.Endpoint.Tests.State;
using Xunit;

namespace IamLab.Endpoint.Tests.Clients;

/// <summary>
/// The "LocalStack instead" path run end to end: <c>iamlab endpoint check</c> started as a process with
/// <c>IAMLAB_ENDPOINT</c> set, once against <c>moto_server</c> (what LocalStack's free edition runs IAM and STS on) and
/// once against <c>iamlab serve</c>. The AWS column comes from AWS's documentation; an endpoint that enforces no IAM
/// answers "allowed" where AWS refuses, which is why grading never uses it.
/// </summary>
public sealed class LocalStackPathTests
{
    [Fact]
    public async Task EndpointCheck_AgainstMoto_GetsEveryRefusalWrongAndTheLabGetsEveryCheckRight()
    {
        using var moto = await MotoServer.StartAsync();
        using var lab = await IamlabProcess.StartAsync("serve", "--port", "0");
        await lab.WaitForUrlAsync();

        var (motoStatus, motoRows, motoOutput) = await CheckAsync(moto.Url.ToString().TrimEnd('/'));
        var (labStatus, labRows, labOutput) = await CheckAsync(lab.Url.ToString().TrimEnd('/'));

        Assert.True(labStatus == 0, labOutput);
        Assert.Equal(8, labRows.Count);
        Assert.All(labRows, r => Assert.True(r.Ok, labOutput));
        Assert.Contains("8 of 8 checks answered as AWS answers them.", labOutput, StringComparison.Ordinal);
        Assert.True(motoStatus == 1, motoOutput);
        Assert.Equal(8, motoRows.Count);
        // Every refusal AWS makes (AccessDenied, SignatureDoesNotMatch) is one moto does not make.
        Assert.All(motoRows.Where(r => r.Aws != "allowed" && !r.Aws.StartsWith("assumed-role/", StringComparison.Ordinal)),
            r => Assert.False(r.Ok, motoOutput));
        Assert.Contains(motoRows, r => r.Ok);
        Assert.Contains($"Endpoint: {moto.Url.ToString().TrimEnd('/')} (from IAMLAB_ENDPOINT)", motoOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Status, List<(bool Ok, string Aws)> Rows, string Output)> CheckAsync(string endpoint)
    {
        var environment = new Dictionary<string, string?> { ["IAMLAB_ENDPOINT"] = endpoint, ["AWS_ENDPOINT_URL"] = null };
        using var check = await IamlabProcess.StartAsync(environment, "endpoint", "check");
        var status = await check.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var output = check.Output + check.Errors;
        var rows = check.Output.Split('\n')
            .Where(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("WRONG ", StringComparison.Ordinal))
            .Select(l => (l.StartsWith("ok", StringComparison.Ordinal), l[6..].TrimStart().Split(' ', 2)[0]))
            .ToList();
        return (status, rows, output);
    }
}
