using IamLab.Interactive.Tests.Extension;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class AssumeRoleCommandTests
{
    [Fact]
    public async Task Right_external_id_gives_a_session_with_masked_secrets_and_a_countdown()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name s1 --expect allowed");

        Assert.True(cell.Succeeded, cell.Failure);
        var session = kernel.Notebook.FindSession("s1")!;
        Assert.Contains("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/s1", cell.Html);
        Assert.Contains(session.AccessKeyId, cell.Html);
        Assert.DoesNotContain(session.SecretAccessKey, cell.Html);
        Assert.DoesNotContain(session.SessionToken, cell.Html);
        Assert.Contains($"{session.SecretAccessKey[..4]}… ({session.SecretAccessKey.Length} characters, hidden)", cell.Html);
        Assert.Contains("expires in 1 h 0 min", cell.Html);
        Assert.Contains("data-iamlab-expires=\"2026-01-15T13:00:00Z\"", cell.Html);
        Assert.Contains("<b>Session chain</b>", cell.Html);
        Assert.Contains(Dev, cell.Html);
    }

    [Fact]
    public async Task Wrong_external_id_shows_access_denied_and_the_condition_that_failed()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id wrong-id --expect denied");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("AccessDenied", cell.Html);
        Assert.Contains("implicitDeny", cell.Html);
        Assert.Contains("sts:ExternalId", cell.Html);
        Assert.Contains("wrong-id", cell.Html);
        Assert.Contains("#cf222e", cell.Html);
        Assert.Empty(kernel.Notebook.World!.Sts.Sessions);
    }

    [Fact]
    public async Task Expectation_that_does_not_hold_fails_the_cell_after_showing_the_outcome()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --expect allowed");

        Assert.Equal("#!lab-assume-role: EXPECTATION_FAILED: expected allowed, but the outcome was AccessDenied.", cell.Failure);
        Assert.Contains("AccessDenied", cell.Html);
    }

    [Fact]
    public async Task Chained_session_longer_than_an_hour_is_refused_and_an_hour_is_allowed()
    {
        using var kernel = new TestKernel(CrossAccount());
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name s1")).Succeeded);

        var tooLong = await kernel.RunAsync($"#!lab-assume-role --role {ReadOnlyRole} --from s1 --duration 7200 --expect ValidationError");
        var hour = await kernel.RunAsync($"#!lab-assume-role --role {ReadOnlyRole} --from s1 --duration 3600 --session-name s2 --expect allowed");

        Assert.True(tooLong.Succeeded, tooLong.Failure);
        Assert.Contains("ValidationError", tooLong.Html);
        Assert.True(hour.Succeeded, hour.Failure);
        Assert.Contains("cap 3600 s (role chaining caps a session at 1 h)", hour.Html);
        Assert.Contains("cap 3600 s (the role's MaxSessionDuration)", hour.Html);
        Assert.Contains("arn:aws:sts::999999999999:assumed-role/CrossAccountS3Access/s1", hour.Html);
    }

    [Theory]
    [InlineData("--role arn:aws:iam::999999999999:role/X", "#!lab-assume-role: USAGE: one of --as and --from is required. Run #!lab-assume-role --help.")]
    [InlineData("--role arn:aws:iam::999999999999:role/X --as arn:aws:iam::111111111111:user/dev --from s1", "#!lab-assume-role: USAGE: --as and --from exclude each other; give one of them.")]
    [InlineData("--as arn:aws:iam::111111111111:user/dev", "#!lab-assume-role: USAGE: --role is required. Run #!lab-assume-role --help.")]
    [InlineData("--role CrossAccountS3Access --as arn:aws:iam::111111111111:user/dev", "#!lab-assume-role: USAGE: --role must be an IAM role ARN such as arn:aws:iam::111111111111:role/NAME, not \"CrossAccountS3Access\".")]
    [InlineData("--role arn:aws:iam::999999999999:role/X --as arn:aws:iam::111111111111:user/dev --duration an-hour", "#!lab-assume-role: USAGE: --duration must be a whole number of seconds, not \"an-hour\".")]
    [InlineData("--role arn:aws:iam::999999999999:role/X --from nobody", "#!lab-assume-role: UNKNOWN_SESSION: No session \"nobody\": no session has been made yet (run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first).")]
    [InlineData("--role arn:aws:iam::999999999999:role/X --as arn:aws:iam::111111111111:user/eve", "#!lab-assume-role: UNKNOWN_PRINCIPAL: \"arn:aws:iam::111111111111:user/eve\" is not a user or account root in this world; the users are: arn:aws:iam::111111111111:user/dev.")]
    [InlineData("--role arn:aws:iam::999999999999:role/X --as arn:aws:iam::111111111111:user/dev --expect allowed --session-policy nothing.json", "#!lab-assume-role: USAGE: --session-policy: no #!lab-policy cell wrote \"nothing.json\".")]
    public async Task Bad_arguments_fail_with_a_clear_message(string arguments, string message)
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync("#!lab-assume-role " + arguments);

        Assert.Equal(message, cell.Failure);
    }

    [Fact]
    public async Task Without_a_world_the_command_says_to_start_a_scenario()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev}");

        Assert.Equal("#!lab-assume-role: NO_SCENARIO: No scenario is started: run #!lab-scenario ID first (or call Lab.Use(world) with a world built in C#).", cell.Failure);
    }

    [Fact]
    public async Task Session_policy_cell_limits_the_session()
    {
        using var kernel = new TestKernel(CrossAccount());
        var policy = await kernel.RunAsync("#!lab-policy only-list.json --kind session\n{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}");
        var assume = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name limited --session-policy only-list.json");
        var read = await kernel.RunAsync("#!lab-simulate s3:GetObject --resource arn:aws:s3:::shared-data-999/public/a.csv --session limited");

        Assert.True(policy.Succeeded, policy.Failure);
        Assert.True(assume.Succeeded, assume.Failure);
        Assert.Contains("session policy (inline)", assume.Html);
        Assert.Contains(">implicitDeny<", read.Html);
    }
}
