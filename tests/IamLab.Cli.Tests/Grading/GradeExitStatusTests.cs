using Xunit;

namespace IamLab.Cli.Tests.Grading;

public class GradeExitStatusTests
{
    [Theory]
    [InlineData("cross-account-external-id")]
    [InlineData("github-oidc")]
    [InlineData("role-chaining")]
    public async Task Solution_ScoresFullMarks_ExitZero(string id)
    {
        var (status, output, _) = await Repo.Run("grade", id, "--submission", Repo.Solution(id), "--format", "json");

        Assert.Equal(0, status);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal(json.GetProperty("maxScore").GetInt32(), json.GetProperty("score").GetInt32());
    }

    [Theory]
    [InlineData("cross-account-external-id")]
    [InlineData("github-oidc")]
    [InlineData("role-chaining")]
    public async Task Starter_FailsSomeChecks_ExitOne(string id)
    {
        var (status, output, _) = await Repo.Run("grade", id, "--submission", Repo.Starter(id), "--format", "json");

        Assert.Equal(1, status);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("score").GetInt32() < json.GetProperty("maxScore").GetInt32());
    }

    [Fact]
    public async Task ExampleSubmission_MissesTheExternalId_FailsThoseChecksOnly()
    {
        var (status, output, _) = await Repo.Run("grade", "cross-account-external-id", "--submission", Repo.Example, "--format", "json");

        Assert.Equal(1, status);
        var checks = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "fail").Select(c => c.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["external-id-in-other-case-refused", "external-id-with-extra-characters-refused", "missing-external-id-refused", "trust-requires-external-id", "wrong-external-id-refused"], checks);
    }

    [Fact]
    public async Task BrokenJson_NamesFileLineAndColumn_ExitTwo()
    {
        var folder = Repo.CopyOf(Repo.Solution("cross-account-external-id"));
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"), "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ { \"Effect\": \"Allow\", } ]\n}\n");

        var (status, output, error) = await Repo.Run("grade", "cross-account-external-id", "--submission", folder);

        Assert.Equal(2, status);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{Path.Combine(folder, "trust-policy.json")}:3:", error);
        Assert.Contains("SUBMISSION_JSON_SYNTAX", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task BrokenJson_ReportsTheColumnOfTheMistake()
    {
        var folder = Repo.CopyOf(Repo.Solution("github-oidc"));
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"), "{\n  \"Version\": 2012-10-17\n}\n");

        var (status, _, error) = await Repo.Run("grade", "github-oidc", "--submission", folder);

        Assert.Equal(2, status);
        Assert.Contains($"{Path.Combine(folder, "trust-policy.json")}:2:", error);
        var column = int.Parse(error.Split($"trust-policy.json:2:")[1].Split(':')[0]);
        Assert.InRange(column, 14, 20);
    }

    [Fact]
    public async Task BrokenJson_ColumnCountsCharactersNotBytes()
    {
        var folder = Repo.CopyOf(Repo.Solution("github-oidc"));
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"), "{ \"Sid\": \"été\" x }\n");

        var (status, _, error) = await Repo.Run("grade", "github-oidc", "--submission", folder);

        Assert.Equal(2, status);
        Assert.Contains($"{Path.Combine(folder, "trust-policy.json")}:1:16: SUBMISSION_JSON_SYNTAX", error);
    }

    [Fact]
    public async Task MissingFile_NamesIt_ExitTwo()
    {
        var folder = Repo.CopyOf(Repo.Solution("cross-account-external-id"));
        File.Delete(Path.Combine(folder, "caller-policy.json"));

        var (status, _, error) = await Repo.Run("grade", "cross-account-external-id", "--submission", folder);

        Assert.Equal(2, status);
        Assert.Contains("SUBMISSION_FILE_MISSING", error);
        Assert.Contains("caller-policy.json", error);
    }

    [Fact]
    public async Task MissingSubmissionFolder_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("grade", "cross-account-external-id", "--submission", Path.Combine(Repo.Scratch(), "nope"));

        Assert.Equal(2, status);
        Assert.Contains("SUBMISSION_NOT_FOUND", error);
    }

    [Fact]
    public async Task TenMegabyteFile_IsRefusedWithItsSize_ExitTwo()
    {
        var folder = Repo.CopyOf(Repo.Solution("cross-account-external-id"));
        var path = Path.Combine(folder, "trust-policy.json");
        using (var stream = File.Create(path))
        {
            stream.Write(new byte[10 * 1024 * 1024]);
        }

        var (status, _, error) = await Repo.Run("grade", "cross-account-external-id", "--submission", folder);

        Assert.Equal(2, status);
        Assert.Contains("SUBMISSION_FILE_TOO_LARGE", error);
        Assert.Contains("trust-policy.json is 10,485,760 bytes", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task UnknownScenario_ExitTwo_WithSuggestion()
    {
        var (status, _, error) = await Repo.Run("grade", "cross-account", "--submission", Repo.Example);

        Assert.Equal(2, status);
        Assert.Contains("no scenario \"cross-account\"", error);
        Assert.Contains("did you mean \"cross-account-external-id\"", error);
    }

    [Fact]
    public async Task NeitherSubmissionNorSubmissions_ExitTwo()
    {
        var (status, _, error) = await Repo.Run("grade", "cross-account-external-id");

        Assert.Equal(2, status);
        Assert.Contains("--submission", error);
    }

    [Fact]
    public async Task UnknownFormat_ExitTwo()
    {
        var (status, _, _) = await Repo.Run("grade", "cross-account-external-id", "--submission", Repo.Example, "--format", "xml");

        Assert.Equal(2, status);
    }

    [Fact]
    public async Task ErrorFinding_FailsTheSubmission_NoCheckRuns_ExitOne()
    {
        var folder = Repo.CopyOf(Repo.Solution("cross-account-external-id"));
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"),
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"arn:aws:iam::111111111111:root\" }, \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\" }\n  ]\n}\n");

        var (status, output, _) = await Repo.Run("grade", "cross-account-external-id", "--submission", folder, "--format", "json");

        Assert.Equal(1, status);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, json.GetProperty("score").GetInt32());
        var error = json.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("ERROR", error.GetProperty("severity").GetString());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.EndsWith("trust-policy.json", error.GetProperty("file").GetString());
        Assert.All(json.GetProperty("checks").EnumerateArray(), c => Assert.Equal("notRun", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task OutputFile_IsWritten_AndStatusStillReflectsTheGrade()
    {
        var target = Path.Combine(Repo.Scratch(), "results.json");

        var (status, output, _) = await Repo.Run("grade", "cross-account-external-id", "--submission", Repo.Example, "--format", "json", "--output", target);

        Assert.Equal(1, status);
        Assert.Contains("results.json", output);
        Assert.Equal("cross-account-external-id", System.Text.Json.JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("scenario").GetString());
    }
}
