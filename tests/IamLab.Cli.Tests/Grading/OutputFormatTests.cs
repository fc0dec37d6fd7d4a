using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace IamLab.Cli.Tests.Grading;

public class OutputFormatTests
{
    private const string Id = "cross-account-external-id";

    [Fact]
    public async Task Json_FollowsTheResultsFormat()
    {
        var (_, output, _) = await Repo.Run("grade", Id, "--submission", Repo.Example, "--format", "json");

        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("iamlab-results/1", root.GetProperty("format").GetString());
        Assert.Equal(Id, root.GetProperty("scenario").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(checks.Where(c => c.GetProperty("status").GetString() == "pass").Sum(c => c.GetProperty("weight").GetInt32()), root.GetProperty("score").GetInt32());
        Assert.Equal(checks.Sum(c => c.GetProperty("weight").GetInt32()), root.GetProperty("maxScore").GetInt32());
        var wrong = checks.Single(c => c.GetProperty("name").GetString() == "wrong-external-id-refused");
        Assert.Equal("fail", wrong.GetProperty("status").GetString());
        Assert.Equal("Expected denied, got allowed.", wrong.GetProperty("message").GetString());
        Assert.Equal("A caller with another ExternalId got in; what does your condition compare?", wrong.GetProperty("hint").GetString());
        Assert.EndsWith("trust-policy.json", wrong.GetProperty("location").GetProperty("file").GetString());
        Assert.Equal(4, wrong.GetProperty("location").GetProperty("line").GetInt32());
        var explanation = wrong.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(explanation, l => l!.Contains("sts:ExternalId=guessed-external-id", StringComparison.Ordinal));
        Assert.Contains(explanation, l => l!.Contains("trust-policy.json statement 0 (\"PartnerAccount\"), line 4", StringComparison.Ordinal));
        var finding = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "SEC_CROSS_ACCOUNT_NO_EXTERNAL_ID");
        Assert.Equal(7, finding.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Junit_IsXmlWithOneFailurePerFailedCheck()
    {
        var (_, output, _) = await Repo.Run("grade", Id, "--submission", Repo.Example, "--format", "junit");

        var document = XDocument.Parse(output);
        var suite = document.Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        var failed = cases.Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!).Order().ToList();
        Assert.Equal(["external-id-in-other-case-refused", "external-id-with-extra-characters-refused", "missing-external-id-refused", "trust-requires-external-id", "wrong-external-id-refused"], failed);
        Assert.Equal(5, (int)suite.Attribute("failures")!);
        Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
        Assert.Equal(5, (int)document.Root.Attribute("failures")!);
        var failure = cases.Single(c => (string)c.Attribute("name")! == "wrong-external-id-refused").Element("failure")!;
        Assert.Equal("Expected denied, got allowed.", (string)failure.Attribute("message")!);
        Assert.Contains("Hint: A caller with another ExternalId got in", failure.Value);
    }

    [Fact]
    public async Task Markdown_HasATableRowPerCheck_AndDetailsForFailures()
    {
        var (_, output, _) = await Repo.Run("grade", Id, "--submission", Repo.Example, "--format", "markdown");

        var lines = output.Split('\n');
        Assert.StartsWith("## ❌ Cross-account access with an ExternalId — 8/15", lines[0]);
        Assert.Contains("| | Check | Points | Result |", lines);
        Assert.Contains(lines, l => l.StartsWith("| ❌ | wrong-external-id-refused | 0/2 | Expected denied, got allowed. |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| ✅ | right-external-id-works | 2/2 |", StringComparison.Ordinal));
        Assert.Equal(13, lines.Count(l => l.StartsWith("| ✅ |", StringComparison.Ordinal) || l.StartsWith("| ❌ |", StringComparison.Ordinal)));
        Assert.Contains("<details><summary><b>missing-external-id-refused</b>", output);
    }

    [Fact]
    public async Task Text_HasTheScoreTableExplanationsAndHints()
    {
        var (_, output, _) = await Repo.Run("grade", Id, "--submission", Repo.Example);

        Assert.Contains("Submission " + Repo.Example + ": 8/15", output);
        Assert.Matches(@"FAIL\s*│\s*wrong-external-id-refused\s*│\s*0/2", output);
        Assert.Matches(@"PASS\s*│\s*right-external-id-works\s*│\s*2/2", output);
        Assert.Contains("Hint: A caller with another ExternalId got in; what does your condition compare?", output);
        Assert.Contains("SECURITY_WARNING SEC_CROSS_ACCOUNT_NO_EXTERNAL_ID", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public async Task DeniedCheck_ExplainsTheFailedCondition_WithTheValuesCompared()
    {
        var folder = Repo.CopyOf(Repo.Solution(Id));

        var (_, output, _) = await Repo.Run("grade", Id, "--submission", folder, "--format", "json");

        // The solution passes; make it fail: the right ExternalId must now be refused by a changed condition.
        File.WriteAllText(Path.Combine(folder, "trust-policy.json"),
            File.ReadAllText(Path.Combine(folder, "trust-policy.json")).Replace("unique-external-id-12345", "unique-external-id-99999", StringComparison.Ordinal));
        var (status, failed, _) = await Repo.Run("grade", Id, "--submission", folder, "--format", "json");

        Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("status").GetString() != "pass"));
        Assert.Equal(1, status);
        var check = JsonDocument.Parse(failed).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "right-external-id-works");
        var lines = check.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.StartsWith("AWS says: AccessDenied: User: arn:aws:iam::111111111111:user/dev is not authorized to perform: sts:AssumeRole", lines[0]);
        Assert.Contains(lines, l => l.Contains("✗ StringEquals \"sts:ExternalId\": request value \"unique-external-id-12345\", policy value \"unique-external-id-99999\"", StringComparison.Ordinal));
        Assert.Equal("Expected allowed, got AccessDenied (implicitDeny).", check.GetProperty("message").GetString());
    }

    [Fact]
    public async Task RefusedWebIdentity_IsExplainedFromTheTokensClaims()
    {
        var scenario = Repo.Scratch();
        Directory.CreateDirectory(Path.Combine(scenario, "github-oidc"));
        var yaml = File.ReadAllText(Path.Combine(Repo.Scenario("github-oidc"), "scenario.yaml"));
        var start = yaml.IndexOf("  - name: fork-refused", StringComparison.Ordinal);
        var end = yaml.IndexOf("  - name: look-alike-repository-refused", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(scenario, "github-oidc", "scenario.yaml"), yaml[..start] + yaml[start..end].Replace("expect: denied", "expect: allowed", StringComparison.Ordinal) + yaml[end..]);

        var (status, output, _) = await Repo.Run("grade", "github-oidc", "--submission", Repo.Solution("github-oidc"), "--format", "json", "--scenarios", scenario);

        Assert.Equal(1, status);
        var check = JsonDocument.Parse(output).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "fork-refused");
        Assert.Equal("Expected allowed, got AccessDenied (implicitDeny).", check.GetProperty("message").GetString());
        var lines = check.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(lines, l => l.Contains("token.actions.githubusercontent.com:sub=repo:outsider/myrepo:ref:refs/heads/main", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("✗ StringLike \"token.actions.githubusercontent.com:sub\"", StringComparison.Ordinal) && l.Contains("repo:myorg/myrepo:*", StringComparison.Ordinal));
        Assert.Equal(4, check.GetProperty("location").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task RoleChaining_OverOneHour_IsAwsValidationError()
    {
        var folder = Repo.CopyOf(Repo.Solution("role-chaining"));
        var scenario = Repo.Scratch();
        Directory.CreateDirectory(Path.Combine(scenario, "role-chaining"));
        var yaml = File.ReadAllText(Path.Combine(Repo.Scenario("role-chaining"), "scenario.yaml"))
            .Replace("expect: { error: ValidationError }", "expect: allowed", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(scenario, "role-chaining", "scenario.yaml"), yaml);

        var (status, output, _) = await Repo.Run("grade", "role-chaining", "--submission", folder, "--format", "json", "--scenarios", scenario);

        Assert.Equal(1, status);
        var check = JsonDocument.Parse(output).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "chained-session-over-one-hour-refused");
        Assert.Equal("Expected allowed, got ValidationError.", check.GetProperty("message").GetString());
        Assert.Equal("AWS says: ValidationError: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
            check.GetProperty("explanation")[0].GetString());
    }
}
