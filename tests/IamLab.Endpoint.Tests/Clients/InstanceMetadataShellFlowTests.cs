using Xunit;

namespace IamLab.Endpoint.Tests.Clients;

/// <summary>
/// The README's instance-metadata flow run for real: <c>iamlab serve</c> as a process, then the README's block in bash
/// with the AWS CLI v1 (the image's), the AWS CLI v2 (Debian's, with <c>--endpoint-url</c>) and boto3. Each gets the
/// instance role's credentials from the instance's own metadata listener (AWS_EC2_METADATA_SERVICE_ENDPOINT), and a GET
/// without a token (IMDSv1) is refused with 401 because the instance was launched with HttpTokens=required.
/// </summary>
public sealed class InstanceMetadataShellFlowTests
{
    private const string SessionArnPrefix = "arn:aws:sts::111111111111:assumed-role/WebAppRole/i-";

    [Fact]
    public async Task InstanceMetadataFlow_WithTheAwsCliV1_GetsTheRoleFromTheListener_AndIMDSv1Is401()
    {
        var (status, output, errors) = await RunAsync("command -v aws >/dev/null || exit 99\naws --version >&2\n");

        AssertFlow(status, output, errors, "aws-cli/1.");
    }

    [Fact]
    public async Task InstanceMetadataFlow_WithDebiansAwsCliV2_GetsTheRoleFromTheListener()
    {
        const string Prelude = "[ -x /usr/bin/aws ] || { echo 'Debian awscli (AWS CLI v2) is not installed: apt-get install awscli' >&2; exit 99; }\n"
            + "aws() { /usr/bin/aws --endpoint-url \"$AWS_ENDPOINT_URL\" \"$@\"; }\nexport -f aws\n/usr/bin/aws --version >&2\n";

        var (status, output, errors) = await RunAsync(Prelude);

        AssertFlow(status, output, errors, "aws-cli/2.");
    }

    [Fact]
    public async Task Boto3_WithOnlyTheListener_GetsTheRolesCredentials_AndAPlainGetIs401()
    {
        const string Python = """
            import os, urllib.request, urllib.error, boto3
            imds = os.environ["AWS_EC2_METADATA_SERVICE_ENDPOINT"]
            try:
                urllib.request.urlopen(imds + "/latest/meta-data/iam/security-credentials/")
                print("v1 200")
            except urllib.error.HTTPError as e:
                print("v1", e.code)
            session = boto3.Session()
            print(session.get_credentials().method)
            print(session.client("sts", endpoint_url=os.environ["LAB_URL"]).get_caller_identity()["Arn"])
            """;
        var epilogue = "\nenv -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_ENDPOINT_URL LAB_URL=\"$AWS_ENDPOINT_URL\" AWS_EC2_METADATA_SERVICE_ENDPOINT=\"$IMDS\" python3 - <<'PYTHON'\n"
            + Python + "\nPYTHON\necho \"python exit $?\"\n";

        var (_, output, errors) = await RunAsync(string.Empty, epilogue);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 4, $"Output:\n{output}\nErrors:\n{errors}");
        Assert.Equal("v1 401", lines[^4]);
        Assert.Equal("iam-role", lines[^3]);
        Assert.StartsWith(SessionArnPrefix, lines[^2], StringComparison.Ordinal);
        Assert.Equal("python exit 0", lines[^1]);
    }

    private static Task<(int Status, string Output, string Errors)> RunAsync(string prelude, string epilogue = "") =>
        ReadmeFlows.RunAgainstServerAsync("instance-metadata-cli", prelude, epilogue);

    private static void AssertFlow(int status, string output, string errors, string version)
    {
        var context = $"Exit {status}\nOutput:\n{output}\nErrors:\n{errors}";
        Assert.True(status != 99, context);
        Assert.Contains(version, errors, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 3, context);
        Assert.Equal("401", lines[^3]);
        Assert.StartsWith(SessionArnPrefix, lines[^2], StringComparison.Ordinal);
        Assert.Equal("last exit 0", lines[^1]);
    }
}
