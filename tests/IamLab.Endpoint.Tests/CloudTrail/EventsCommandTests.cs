using IamLab.Endpoint.Tests.Clients;
using IamLab.Endpoint.Tests.State;
using Xunit;

namespace IamLab.Endpoint.Tests.CloudTrail;

/// <summary>
/// <c>iamlab events</c> as a learner runs it: <c>iamlab serve</c> as a process, calls made with the AWS CLI, then the
/// log read with <c>iamlab events</c> (another process), as a table and as JSON lines, filtered.
/// </summary>
public sealed class EventsCommandTests
{
    [Fact]
    public async Task Events_AfterAwsCliCalls_ShowsEachCallWithCallerAddressAndOutcome()
    {
        using var server = await IamlabProcess.StartAsync("serve", "--port", "0");
        await server.WaitForUrlAsync();
        var url = server.Url.ToString().TrimEnd('/');
        var script = $$"""
            export AWS_ACCESS_KEY_ID=111111111111 AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
            aws --endpoint-url {{url}} iam create-user --user-name mallory >/dev/null
            KEYS=$(aws --endpoint-url {{url}} iam create-access-key --user-name mallory --query 'AccessKey.[AccessKeyId,SecretAccessKey]' --output text)
            aws --endpoint-url {{url}} iam create-role --role-name Admin --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}' >/dev/null
            AWS_ACCESS_KEY_ID=$(echo $KEYS | cut -d' ' -f1) AWS_SECRET_ACCESS_KEY=$(echo $KEYS | cut -d' ' -f2) \
              aws --endpoint-url {{url}} sts assume-role --role-arn arn:aws:iam::111111111111:role/Admin --role-session-name mallory-was-here 2>/dev/null
            echo "assume exit $?"
            """;
        var (status, output, errors) = await ReadmeFlows.BashAsync(script, TimeSpan.FromMinutes(2));
        // mallory has no permission to assume Admin: the AWS CLI fails (255 for v1, 254 for v2).
        Assert.True(output.Contains("assume exit 25", StringComparison.Ordinal), $"{status}\n{output}\n{errors}");

        using var table = await IamlabProcess.StartAsync("events", "--endpoint", url, "--account", "111111111111");
        var tableStatus = await table.WaitForExitAsync(TimeSpan.FromMinutes(1));
        using var refused = await IamlabProcess.StartAsync("events", "--endpoint", url, "--account", "111111111111", "--errors", "--json");
        var refusedStatus = await refused.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, tableStatus);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TIME", lines[0], StringComparison.Ordinal);
        Assert.Equal(["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateRole", "sts:AssumeRole"], lines[1..].Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Trim()));
        Assert.Contains("111111111111:user/mallory", lines[4], StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", lines[4], StringComparison.Ordinal);
        Assert.Contains("AccessDenied", lines[4], StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::111111111111:role/Admin as mallory-was-here", lines[4], StringComparison.Ordinal);
        Assert.Equal(0, refusedStatus);
        var json = Assert.Single(refused.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"userAgent\":\"aws-cli/", json, StringComparison.Ordinal);
        Assert.Contains("\"errorCode\":\"AccessDenied\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_WithoutCredentials_SaysHowToGiveThem_Status2()
    {
        using var events = await IamlabProcess.StartAsync(new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null },
            "events", "--endpoint", "http://127.0.0.1:9");
        var status = await events.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, status);
        Assert.Equal("iamlab events: give --account ACCOUNT_ID (its root reads the log), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.", events.Errors.Trim());
    }

    [Fact]
    public async Task Events_EndpointDown_NamesIt_Status2()
    {
        using var events = await IamlabProcess.StartAsync("events", "--endpoint", "http://127.0.0.1:9", "--account", "111111111111");
        var status = await events.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, status);
        Assert.StartsWith("iamlab events: cannot reach http://127.0.0.1:9:", events.Errors.Trim(), StringComparison.Ordinal);
    }
}
