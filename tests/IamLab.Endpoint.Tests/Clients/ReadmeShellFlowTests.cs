using Xunit;

namespace IamLab.Endpoint.Tests.Clients;

/// <summary>
/// The README's cross-account flow run for real: <c>iamlab serve</c> started as a process as the README says, then the
/// README's block pasted into bash with the AWS CLI v1 (the machine image's), the AWS CLI v2 (Debian's <c>awscli</c>,
/// 2.9, given <c>--endpoint-url</c> as the README says) and boto3. Every command is a real client nobody here wrote.
/// </summary>
public sealed class ReadmeShellFlowTests
{
    private const string UserArn = "arn:aws:iam::999999999999:user/partner-dev";
    private const string SessionArn = "arn:aws:sts::111111111111:assumed-role/PartnerAccess/partner-session";
    private const string Refusal = "User: arn:aws:iam::999999999999:user/partner-dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/PartnerAccess";

    [Fact]
    public async Task CrossAccountFlow_WithTheAwsCliV1_RunsAsTheReadmeSays()
    {
        var (status, output, errors) = await RunAsync(prelude: "command -v aws >/dev/null || { echo 'the AWS CLI v1 (aws) is not on PATH' >&2; exit 99; }\naws --version >&2\n");

        AssertFlow(status, output, errors, "aws-cli/1.");
    }

    [Fact]
    public async Task CrossAccountFlow_WithDebiansAwsCliV2_RunsWithEndpointUrlAsTheReadmeSays()
    {
        // Debian installs v2 as /usr/bin/aws (.ci/run installs it); the image's v1 comes first on PATH, so name it.
        const string Prelude = "[ -x /usr/bin/aws ] || { echo 'Debian awscli (AWS CLI v2) is not installed: apt-get install awscli' >&2; exit 99; }\n"
            + "aws() { /usr/bin/aws --endpoint-url \"$AWS_ENDPOINT_URL\" \"$@\"; }\n/usr/bin/aws --version >&2\n";

        var (status, output, errors) = await RunAsync(Prelude);

        AssertFlow(status, output, errors, "aws-cli/2.");
    }

    [Fact]
    public async Task CrossAccountFlow_ThenTheBoto3Lines_InTheSameShell()
    {
        var python = ReadmeFlows.Block("cross-account-boto3");

        var (_, output, errors) = await RunAsync(prelude: string.Empty, epilogue: $"\npython3 - <<'PYTHON'\n{python}\nPYTHON\necho \"python exit $?\"\n");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 5, $"Output:\n{output}\nErrors:\n{errors}");
        Assert.Equal(UserArn, lines[^3]);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/PartnerAccess/boto3-session", lines[^2]);
        Assert.Equal("python exit 0", lines[^1]);
    }

    private static Task<(int Status, string Output, string Errors)> RunAsync(string prelude, string epilogue = "") =>
        ReadmeFlows.RunAgainstServerAsync("cross-account-cli", prelude, epilogue);

    private static void AssertFlow(int status, string output, string errors, string version)
    {
        var context = $"Exit {status}\nOutput:\n{output}\nErrors:\n{errors}";
        Assert.True(status != 99, context);
        Assert.Contains(version, errors, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(UserArn, lines);
        Assert.Contains(SessionArn, lines);
        // The last command is refused as AWS refuses it, and it is the only error of the whole flow.
        Assert.Contains("AccessDenied", errors, StringComparison.Ordinal);
        Assert.Contains(Refusal, errors, StringComparison.Ordinal);
        Assert.Single(errors.Split('\n'), l => l.Contains("An error occurred", StringComparison.Ordinal));
        Assert.NotEqual("last exit 0", lines[^1]);
        Assert.StartsWith("last exit 2", lines[^1], StringComparison.Ordinal);
    }
}
