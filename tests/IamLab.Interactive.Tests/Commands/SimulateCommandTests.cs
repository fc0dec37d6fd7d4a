using IamLab.Interactive.Tests.Extension;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class SimulateCommandTests
{
    private static async Task<TestKernel> WithSessionAsync()
    {
        var kernel = new TestKernel(CrossAccount());
        var assume = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name s1");
        Assert.True(assume.Succeeded, assume.Failure);
        return kernel;
    }

    [Fact]
    public async Task Allowed_request_is_green_with_the_allowing_statement()
    {
        using var kernel = await WithSessionAsync();
        var cell = await kernel.RunAsync("#!lab-simulate s3:GetObject --resource arn:aws:s3:::shared-data-999/public/report.csv --session s1 --expect allowed");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("background:#1a7f37", cell.Html);
        Assert.Contains(">allowed<", cell.Html);
        Assert.Contains("Allowed by", cell.Html);
        Assert.Contains("<code>ReadShared</code>", cell.Html);
        Assert.DoesNotContain("EXPLICIT DENY", cell.Html);
    }

    [Fact]
    public async Task Explicit_deny_is_red_and_marked()
    {
        using var kernel = await WithSessionAsync();
        var cell = await kernel.RunAsync("#!lab-simulate s3:GetObject --resource arn:aws:s3:::shared-data-999/private/payroll.csv --session s1 --expect explicitDeny");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("background:#cf222e", cell.Html);
        Assert.Contains(">explicitDeny<", cell.Html);
        Assert.Contains("EXPLICIT DENY", cell.Html);
        Assert.Contains("Denied by", cell.Html);
        Assert.Contains("<code>NoPrivate</code>", cell.Html);
        Assert.Contains("An explicit Deny matched", cell.Html);
    }

    [Fact]
    public async Task Principal_by_arn_is_decided_with_its_own_policies()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync($"#!lab-simulate sts:AssumeRole --resource {CrossRole} --as {Dev} --context sts:ExternalId={ExternalId} --expect allowed");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("sts:ExternalId", cell.Html);
        Assert.Contains(ExternalId, cell.Html);
    }

    [Fact]
    public async Task Why_shows_only_the_failed_checks()
    {
        using var kernel = new TestKernel(CrossAccount());
        var all = await kernel.RunAsync($"#!lab-simulate sts:AssumeRole --resource {CrossRole} --as {Dev} --context sts:ExternalId=nope");
        var why = await kernel.RunAsync($"#!lab-simulate sts:AssumeRole --resource {CrossRole} --as {Dev} --context sts:ExternalId=nope --why --expect implicitDeny");

        Assert.True(why.Succeeded, why.Failure);
        Assert.Contains("Checks that failed", why.Html);
        Assert.Contains("iamlab-pass", all.Html);
        Assert.True(CountOf(why.Html, "iamlab-pass") < CountOf(all.Html, "iamlab-pass"));
        Assert.Contains("nope", why.Html);
    }

    [Theory]
    [InlineData("--resource arn:aws:s3:::b/k --as 111111111111", "#!lab-simulate: USAGE: --action is required. Run #!lab-simulate --help.")]
    [InlineData("s3:GetObject --as 111111111111", "#!lab-simulate: USAGE: --resource is required. Run #!lab-simulate --help.")]
    [InlineData("s3:GetObject --resource arn:aws:s3:::b/k", "#!lab-simulate: USAGE: one of --as and --session is required. Run #!lab-simulate --help.")]
    [InlineData("s3:GetObject --resource arn:aws:s3:::b/k --as 111111111111 --context aws:SourceIp", "#!lab-simulate: USAGE: --context: \"aws:SourceIp\" is not KEY=VALUE; write --context \"KEY=VALUE,KEY=VALUE\".")]
    [InlineData("s3:GetObject --resource arn:aws:s3:::b/k --as 111111111111 --expect maybe", "#!lab-simulate: USAGE: --expect must be allowed, explicitDeny, implicitDeny or denied, not \"maybe\".")]
    [InlineData("s3:GetObject --resource arn:aws:s3:::b/k --as arn:aws:iam::111111111111:user/eve", "#!lab-simulate: UNKNOWN_PRINCIPAL: NoSuchEntity: The entity arn:aws:iam::111111111111:user/eve cannot be found.")]
    [InlineData("s3:GetObject --resource arn:aws:s3:::shared-data-999/k --as arn:aws:iam::111111111111:user/dev --expect allowed", "#!lab-simulate: EXPECTATION_FAILED: expected allowed, but the decision was implicitDeny.")]
    public async Task Bad_arguments_fail_with_a_clear_message(string arguments, string message)
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync("#!lab-simulate " + arguments);

        Assert.Equal(message, cell.Failure);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
