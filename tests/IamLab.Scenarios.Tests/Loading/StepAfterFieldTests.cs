using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests.Loading;

/// <summary>A step's <c>after:</c> (how far the world's clock moves before it) is read as a duration, and a bad one is named with its line.</summary>
public class StepAfterFieldTests
{
    private static readonly string Scenario = OneCheckScenario.WithSteps("""
        - as: arn:aws:iam::111111111111:user/dev
          assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R" }
        - after: AFTER
          request: { action: s3:ListAllMyBuckets, resource: "*" }
        """);

    private static ScenarioLoadResult Parse(string after) =>
        ScenarioLoader.Parse(Scenario.Replace("AFTER", after, StringComparison.Ordinal), "demo/scenario.yaml", "demo");

    [Theory]
    [InlineData("20m", 0, 20, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("90s", 0, 1, 30)]
    [InlineData("2d", 48, 0, 0)]
    public void Duration_IsReadOntoTheStep(string after, int hours, int minutes, int seconds)
    {
        var loaded = Parse(after);

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        var steps = Assert.Single(loaded.Scenario!.Checks).Steps;
        Assert.Equal(TimeSpan.Zero, steps[0].After);
        Assert.Equal(new TimeSpan(hours, minutes, seconds), steps[1].After);
    }

    [Theory]
    [InlineData("20min", "demo/scenario.yaml:19:16: SCENARIO_INVALID_VALUE: \"after\" must be a duration; \"20min\" is not a duration; write e.g. 20m, 1h30m, 90s or 2d.")]
    [InlineData("20", "demo/scenario.yaml:19:16: SCENARIO_INVALID_VALUE: \"after\" must be a duration; \"20\" is not a duration; write e.g. 20m, 1h30m, 90s or 2d.")]
    [InlineData("30m1h", "demo/scenario.yaml:19:16: SCENARIO_INVALID_VALUE: \"after\" must be a duration; \"30m1h\" is not a duration; write e.g. 20m, 1h30m, 90s or 2d.")]
    [InlineData("-5m", "demo/scenario.yaml:19:16: SCENARIO_INVALID_VALUE: \"after\" must be a duration; \"-5m\" is not a duration; write e.g. 20m, 1h30m, 90s or 2d.")]
    [InlineData("0m", "demo/scenario.yaml:19:16: SCENARIO_INVALID_VALUE: \"after\" must move the clock forward; \"0m\" is no time at all (write e.g. 20m, 1h30m, 90s or 2d).")]
    public void BadDuration_IsReportedWithFileLineAndColumn(string after, string expected)
    {
        var loaded = Parse(after);

        Assert.False(loaded.IsSuccess);
        Assert.Equal(expected, Assert.Single(loaded.Problems).ToString());
    }

    [Fact]
    public void AfterAlone_IsNoStep()
    {
        var withoutAction = string.Join('\n', Scenario.Replace("AFTER", "20m", StringComparison.Ordinal).Split('\n').Where(l => !l.Contains("ListAllMyBuckets", StringComparison.Ordinal)));
        var loaded = ScenarioLoader.Parse(withoutAction, "demo/scenario.yaml", "demo");

        Assert.Equal(
            "demo/scenario.yaml:19:9: SCENARIO_STEP_FORM: A step needs exactly one of assumeRole, assumeRoleWithSaml, assumeRoleWithWebIdentity, ec2Instance, lambdaFunction, request.",
            Assert.Single(loaded.Problems).ToString());
    }
}
