using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests.Loading;

/// <summary>The fields of the shared grading formats: order, minutes, equivalentMutants, hint levels, requires and tests.</summary>
public class ScenarioFieldsTests
{
    private const string Head = """
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
        """;

    private const string TwoChecks = """
        checks:
          - name: works
            hint: h
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: allowed
          - name: others-refused
            hint: h
            requires: [works]
            request: { principal: "arn:aws:iam::222222222222:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
        """;

    private static ScenarioLoadResult Parse(string text) => ScenarioLoader.Parse(text, "demo/scenario.yaml", "demo");

    [Fact]
    public void OrderMinutesAndEquivalentMutants_AreRead()
    {
        var loaded = Parse("order: 50\nminutes: 25\nequivalentMutants:\n  - id: \"trust-policy.json $.Statement[0].Action wildcard-end\"\n    reason: Only one action starts so.\n"
            + Head + "\n" + TwoChecks);

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        Assert.Equal(50, loaded.Scenario!.Order);
        Assert.Equal(25, loaded.Scenario.Minutes);
        var mutant = Assert.Single(loaded.Scenario.EquivalentMutants);
        Assert.Equal("trust-policy.json $.Statement[0].Action wildcard-end", mutant.Id);
        Assert.Equal("Only one action starts so.", mutant.Reason);
        Assert.Equal(4, mutant.Spot.Line);
    }

    [Fact]
    public void WithoutOrderAndMinutes_TheyAreNull()
    {
        var loaded = Parse(Head + "\n" + TwoChecks);

        Assert.Null(loaded.Scenario!.Order);
        Assert.Null(loaded.Scenario.Minutes);
        Assert.Empty(loaded.Scenario.EquivalentMutants);
    }

    [Fact]
    public void ZeroMinutesAndTextOrder_AreReportedWithTheirLines()
    {
        var loaded = Parse("order: first\nminutes: 0\n" + Head + "\n" + TwoChecks);

        Assert.Contains(loaded.Problems, p => p.ToString() == "demo/scenario.yaml:1:8: SCENARIO_WRONG_TYPE: \"order\" must be a whole number, not \"first\".");
        Assert.Contains(loaded.Problems, p => p.ToString() == "demo/scenario.yaml:2:10: SCENARIO_INVALID_VALUE: \"minutes\" must be 1 or more, not 0.");
    }

    [Fact]
    public void EquivalentMutantWithoutReason_OrTwice_IsReported()
    {
        var loaded = Parse("equivalentMutants:\n  - id: a\n  - id: b\n    reason: r\n  - id: b\n    reason: r\n" + Head + "\n" + TwoChecks);

        Assert.Contains(loaded.Problems, p => p.ToString() == "demo/scenario.yaml:2:5: SCENARIO_MISSING_FIELD: The field \"reason\" is required here.");
        Assert.Contains(loaded.Problems, p => p.ToString() == "demo/scenario.yaml:5:9: SCENARIO_DUPLICATE_MUTANT: The mutant \"b\" is declared twice.");
    }

    [Fact]
    public void HintList_KeepsItsLevelsInOrder()
    {
        var loaded = Parse(Head + "\n" + TwoChecks.Replace("""
                hint: h
                requires: [works]
            """, """
                hint: [Who else could call?, A trust names its principals., Trust only 111111111111.]
                requires: [works]
            """, StringComparison.Ordinal));

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        var check = loaded.Scenario!.Checks[1];
        Assert.Equal(["Who else could call?", "A trust names its principals.", "Trust only 111111111111."], check.Hints);
        Assert.Equal("Who else could call?", check.Hint);
        Assert.Equal("A trust names its principals.", check.HintAt(2));
        Assert.Equal("Trust only 111111111111.", check.HintAt(7));
        Assert.Equal("h", loaded.Scenario.Checks[0].HintAt(3));
    }

    [Fact]
    public void HintWithFourLevels_IsRefused()
    {
        var loaded = Parse(Head + "\n" + TwoChecks.Replace("""
                hint: h
                requires: [works]
            """, """
                hint: [a, b, c, d]
                requires: [works]
            """, StringComparison.Ordinal));

        Assert.Contains(loaded.Problems, p => p.ToString() == "demo/scenario.yaml:17:11: SCENARIO_INVALID_VALUE: \"hint\" lists 4 levels; give one text, or a list of 1 to 3 (nudge, concept, answer).");
    }

    [Fact]
    public void Requires_IsRead()
    {
        var loaded = Parse(Head + "\n" + TwoChecks);

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        Assert.Equal(["works"], loaded.Scenario!.Checks[1].Requires);
        Assert.Empty(loaded.Scenario.Checks[0].Requires);
    }

    [Fact]
    public void RequiresAnUnknownCheck_IsReportedWithLineAndSuggestion()
    {
        var loaded = Parse(Head + "\n" + TwoChecks.Replace("requires: [works]", "requires: [work]", StringComparison.Ordinal));

        Assert.Null(loaded.Scenario);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("demo/scenario.yaml:18:16: SCENARIO_UNKNOWN_CHECK: The check \"others-refused\" requires \"work\", which is not a check of this scenario; did you mean \"works\"?", problem.ToString());
    }

    [Fact]
    public void ChecksRequiringEachOther_AreACycle()
    {
        var text = Head + "\n" + TwoChecks.Replace("  - name: works\n    hint: h\n", "  - name: works\n    hint: h\n    requires: [others-refused]\n", StringComparison.Ordinal);

        var loaded = Parse(text);

        Assert.Null(loaded.Scenario);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("demo/scenario.yaml:19:16: SCENARIO_REQUIRES_CYCLE: The checks works → others-refused → works require each other in a circle, so none of them could ever earn its points.",
            problem.ToString());
    }

    [Fact]
    public void CheckRequiringItself_IsACycle()
    {
        var loaded = Parse(Head + "\n" + TwoChecks.Replace("requires: [works]", "requires: [others-refused]", StringComparison.Ordinal));

        Assert.Equal("SCENARIO_REQUIRES_CYCLE", Assert.Single(loaded.Problems).Code);
        Assert.Contains("others-refused → others-refused", loaded.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_IsNotAFieldOfAScenarioCheck()
    {
        var loaded = Parse(Head + "\n" + TwoChecks.Replace("requires: [works]", "requires: [works]\n    tests: Only 111111111111.", StringComparison.Ordinal));

        Assert.Contains(loaded.Problems, p => p.Code == "SCENARIO_UNKNOWN_FIELD" && p.Message.StartsWith("\"tests\" is not a field of a check", StringComparison.Ordinal));
    }

    [Fact]
    public void HiddenCheck_ReadsTests_AndMayRequireTheScenariosChecks()
    {
        var scenario = Parse(Head + "\n" + TwoChecks).Scenario!;

        var (checks, problems) = HiddenCheckLoader.Parse("""
            checks:
              - name: third-account-refused
                hint: Only 111111111111.
                tests: "Only account 111111111111 may assume R."
                requires: [works]
                request: { principal: "arn:aws:iam::333333333333:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
                expect: denied
            """, "hidden/demo.yaml", scenario);

        Assert.Empty(problems);
        var check = Assert.Single(checks);
        Assert.Equal("Only account 111111111111 may assume R.", check.Tests);
        Assert.Equal(["works"], check.Requires);
    }

    [Fact]
    public void HiddenCheck_RequiringAnUnknownCheck_IsReported()
    {
        var scenario = Parse(Head + "\n" + TwoChecks).Scenario!;

        var (_, problems) = HiddenCheckLoader.Parse("""
            checks:
              - name: third-account-refused
                hint: Only 111111111111.
                requires: [nothing-like-it]
                request: { principal: "arn:aws:iam::333333333333:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
                expect: denied
            """, "hidden/demo.yaml", scenario);

        Assert.Equal("hidden/demo.yaml:4:16: SCENARIO_UNKNOWN_CHECK: The check \"third-account-refused\" requires \"nothing-like-it\", which is not a check of this scenario.",
            Assert.Single(problems).ToString());
    }
}
