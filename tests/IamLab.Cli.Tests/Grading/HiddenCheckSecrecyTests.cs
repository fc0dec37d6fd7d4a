using System.Text.Json;
using Xunit;

namespace IamLab.Cli.Tests.Grading;

[Collection("environment")]
public class HiddenCheckSecrecyTests
{
    private const string Id = "cross-account-external-id";

    // A hidden check whose request values (a unique session name, external id and role) appear nowhere else.
    private const string Hidden = """
        checks:
          - name: secret-probe
            weight: 3
            hint: Only the agreed ExternalId opens the role.
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                assumeRole:
                  roleArn: arn:aws:iam::999999999999:role/CrossAccountS3Access
                  roleSessionName: ZebraSessionQ7
                  externalId: zz-secret-value-4711
            expect: denied
        """;

    private static readonly string[] Secrets = ["ZebraSessionQ7", "zz-secret-value-4711"];

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("markdown")]
    public async Task FailedHiddenCheck_ShowsNameAndHint_NeverItsRequest(string format)
    {
        var hidden = Repo.Scratch();
        File.WriteAllText(Path.Combine(hidden, Id + ".yaml"), Hidden);
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            // The example submission lets any ExternalId in, so the hidden check fails.
            var (status, output, error) = await Repo.Run("grade", Id, "--submission", Repo.Example, "--hidden", hidden, "--format", format);

            Assert.Equal(1, status);
            Assert.Contains("secret-probe", output);
            Assert.Contains("Only the agreed ExternalId opens the role.", output);
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, output);
                Assert.DoesNotContain(secret, error);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before);
        }
    }

    [Fact]
    public async Task HiddenCheck_CountsInTheScore_AndIsMarkedHidden()
    {
        var hidden = Repo.Scratch();
        File.WriteAllText(Path.Combine(hidden, Id + ".yaml"), Hidden);

        var (_, solved, _) = await Repo.Run("grade", Id, "--submission", Repo.Solution(Id), "--hidden", hidden, "--format", "json");
        var (_, failed, _) = await Repo.Run("grade", Id, "--submission", Repo.Example, "--hidden", hidden, "--format", "json");

        var pass = JsonDocument.Parse(solved).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "secret-probe");
        Assert.Equal("pass", pass.GetProperty("status").GetString());
        Assert.True(pass.GetProperty("hidden").GetBoolean());
        var fail = JsonDocument.Parse(failed).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "secret-probe");
        Assert.Equal("fail", fail.GetProperty("status").GetString());
        Assert.Equal(0, fail.GetProperty("explanation").GetArrayLength());
        // The scenario's 15 visible points and the hidden check's 3.
        Assert.Equal(15 + 3, JsonDocument.Parse(solved).RootElement.GetProperty("maxScore").GetInt32());
    }

    [Fact]
    public async Task HiddenFileWithAMistake_IsReportedWithItsLine_ExitTwo()
    {
        var hidden = Repo.Scratch();
        File.WriteAllText(Path.Combine(hidden, Id + ".yaml"), Hidden.Replace("expect: denied", "expekt: denied", StringComparison.Ordinal));

        var (status, _, error) = await Repo.Run("grade", Id, "--submission", Repo.Example, "--hidden", hidden);

        Assert.Equal(2, status);
        Assert.Contains($"{Id}.yaml:11:5: SCENARIO_UNKNOWN_FIELD: \"expekt\" is not a field of a check; did you mean \"expect\"?", error);
    }
}

[CollectionDefinition("environment", DisableParallelization = true)]
public class EnvironmentVariableTests;
