using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Tests;

public class ScenarioLoaderTests
{
    private const string Minimal = """
        id: demo
        title: Demo
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111"]
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust: { file: trust-policy.json }
        checks:
          - name: works
            hint: h
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: allowed
        """;

    private static ScenarioLoadResult Parse(string text) => ScenarioLoader.Parse(text, "demo/scenario.yaml", "demo");

    [Fact]
    public void MinimalScenario_Loads()
    {
        var loaded = Parse(Minimal);

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        var check = Assert.Single(loaded.Scenario!.Checks);
        Assert.Equal(ExpectKind.Allowed, check.Expect!.Kind);
        Assert.True(Assert.Single(check.Steps).IsPlainRequest);
        Assert.Equal(Scenario.DefaultClock, loaded.Scenario.Clock);
    }

    [Fact]
    public void UnknownField_IsReportedWithLineColumnAndSuggestion()
    {
        var loaded = Parse(Minimal.Replace("    expect: allowed", "    expct: allowed", StringComparison.Ordinal));

        Assert.Null(loaded.Scenario);
        Assert.Contains(loaded.Problems, p => p.ToString() == "demo/scenario.yaml:15:5: SCENARIO_UNKNOWN_FIELD: \"expct\" is not a field of a check; did you mean \"expect\"? (fields: name, weight, hint, requires, file, at, request, steps, noFindings, attack, fixed, findings, expect).");
    }

    [Fact]
    public void YamlSyntaxError_HasItsLine()
    {
        var loaded = Parse("id: demo\ntitle: a: b\nfiles: []\n");

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("SCENARIO_YAML_SYNTAX", problem.Code);
        Assert.Equal(2, problem.Spot.Line);
    }

    [Fact]
    public void UnclosedBracketAtTheEnd_IsASyntaxProblem_NotAnException()
    {
        var loaded = Parse("id: demo\ntitle: [unclosed\n");

        Assert.Equal("SCENARIO_YAML_SYNTAX", Assert.Single(loaded.Problems).Code);
    }

    [Fact]
    public void FileNotDeclared_AndBadExpect_AndDuplicateCheck_AreAllReported()
    {
        var text = Minimal.Replace("trust: { file: trust-policy.json }", "trust: { file: other.json }", StringComparison.Ordinal)
            .Replace("expect: allowed", "expect: permitted", StringComparison.Ordinal)
            + "\n  - name: works\n    hint: again\n    noFindings: [SEC_OIDC_NO_AUD]\n";

        var codes = Parse(text).Problems.Select(p => p.Code).ToList();

        Assert.Contains("SCENARIO_UNKNOWN_FILE", codes);
        Assert.Contains("SCENARIO_INVALID_VALUE", codes);
        Assert.Contains("SCENARIO_DUPLICATE_CHECK", codes);
    }

    [Fact]
    public void CheckFile_MustBeAScenarioFile()
    {
        var loaded = Parse(Minimal.Replace("    hint: h", "    hint: h\n    file: trust.json", StringComparison.Ordinal));

        Assert.Contains(loaded.Problems, p => p.Code == "SCENARIO_UNKNOWN_FILE" && p.Message.StartsWith("\"trust.json\"", StringComparison.Ordinal) && p.Spot.Line == 14);
    }

    [Fact]
    public void IdMustMatchTheFolder()
    {
        var loaded = ScenarioLoader.Parse(Minimal, "x/scenario.yaml", "other-folder");

        Assert.Contains(loaded.Problems, p => p.Code == "SCENARIO_ID_MISMATCH" && p.Spot.Line == 1);
    }

    [Fact]
    public void CheckWithTwoForms_IsRefused()
    {
        var text = Minimal.Replace("    expect: allowed", "    noFindings: [SEC_OIDC_NO_AUD]\n    expect: allowed", StringComparison.Ordinal);

        Assert.Contains(Parse(text).Problems, p => p.Code == "SCENARIO_CHECK_FORM");
    }

    [Fact]
    public void FirstAssumeRoleStep_NeedsAs()
    {
        var text = Minimal.Replace(
            "    request: { principal: \"arn:aws:iam::111111111111:root\", action: sts:AssumeRole, resource: \"arn:aws:iam::111111111111:role/R\" }",
            "    steps:\n      - assumeRole: { roleArn: \"arn:aws:iam::111111111111:role/R\" }", StringComparison.Ordinal);

        Assert.Contains(Parse(text).Problems, p => p.Code == "SCENARIO_STEP_FORM" && p.Message.Contains("\"as\"", StringComparison.Ordinal));
    }

    [Fact]
    public void YamlDocument_BecomesPolicyJson()
    {
        var loaded = ScenarioLoader.Load(Repo.Scenario("cross-account-external-id"));

        var mallory = loaded.Scenario!.World.Users.Single(u => u.Arn.EndsWith("mallory", StringComparison.Ordinal));
        var json = System.Text.Json.JsonDocument.Parse(mallory.Policies[0].Json!).RootElement;
        Assert.Equal("2012-10-17", json.GetProperty("Version").GetString());
        Assert.Equal("*", json.GetProperty("Statement")[0].GetProperty("Resource").GetString());
    }

    [Fact]
    public void Catalog_ListsScenarioFolders_NotTheHiddenExample()
    {
        var ids = ScenarioCatalog.Ids(Repo.Scenarios);

        Assert.Contains("cross-account-external-id", ids);
        Assert.Contains("github-oidc", ids);
        Assert.Contains("role-chaining", ids);
        Assert.DoesNotContain("hidden-example", ids);
    }
}
