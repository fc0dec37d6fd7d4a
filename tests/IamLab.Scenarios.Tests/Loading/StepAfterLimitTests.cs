using IamLab.Scenarios.Loading;
using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Tests.Loading;

/// <summary>
/// A step's <c>after:</c> waits at most 7 days, in scenario.yaml, in its incident and in a teacher's hidden checks alike,
/// and no time a scenario names (<c>clock</c>, a check's <c>at</c>) or reaches by waiting may come near the end of .NET's
/// calendar: each is refused at load with its file, line and column, never left to throw while grading. Seven days passes
/// the longest temporary credentials AWS issues (36 hours: GetSessionToken and GetFederationToken, AWS STS API
/// Reference; 12 hours for a role session) and equals the longest a SigV4 signature may stay valid (a presigned URL's
/// X-Amz-Expires, at most 604800 seconds: Amazon S3 API Reference, "Authenticating Requests: Using Query Parameters").
/// </summary>
public class StepAfterLimitTests
{
    private const string Scenario = """
        id: demo
        title: Demo
        CLOCK
        files:
          - name: trust-policy.json
            kind: trust
        world:
          accounts: ["111111111111"]
          users:
            - arn: arn:aws:iam::111111111111:user/dev
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust: { file: trust-policy.json }
        incident:
          - name: early
            as: arn:aws:iam::111111111111:user/dev
            request: { action: s3:ListAllMyBuckets, resource: "*" }
          - after: INCIDENT
            request: { action: s3:ListAllMyBuckets, resource: "*" }
        checks:
          - name: works
            hint: h
            AT
            steps:
              - as: arn:aws:iam::111111111111:user/dev
                assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R" }
              - after: AFTER
                request: { action: s3:ListAllMyBuckets, resource: "*" }
            expect: allowed
        """;

    private const string TooLong = "\"after\" waits at most 7d (7 days: past the longest temporary credentials AWS issues, 36 hours, and as long as a SigV4 signature may stay valid)";

    private static ScenarioLoadResult Parse(string after = "1m", string incident = "1m", string clock = "", string at = "") =>
        ScenarioLoader.Parse(Scenario.Replace("AFTER", after, StringComparison.Ordinal).Replace("INCIDENT", incident, StringComparison.Ordinal)
            .Replace("CLOCK", clock, StringComparison.Ordinal).Replace("AT", at, StringComparison.Ordinal), "demo/scenario.yaml", "demo");

    [Theory]
    [InlineData("7d")]
    [InlineData("6d23h59m60s")]
    [InlineData("168h")]
    [InlineData("37h")]
    public void AWaitOfUpToSevenDays_IsRead(string after)
    {
        var loaded = Parse(after);

        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        Assert.True(loaded.Scenario!.Checks[0].Steps[1].After <= TimeSpan.FromDays(7));
        Assert.True(loaded.Scenario.Checks[0].Steps[1].After > TimeSpan.FromHours(36));
    }

    [Theory]
    [InlineData("7d1s", "demo/scenario.yaml:27:16: SCENARIO_INVALID_VALUE: " + TooLong + ", not 7d1s (\"7d1s\").")]
    [InlineData("169h", "demo/scenario.yaml:27:16: SCENARIO_INVALID_VALUE: " + TooLong + ", not 7d1h (\"169h\").")]
    [InlineData("9999d99999h999999m9999999s", "demo/scenario.yaml:27:16: SCENARIO_INVALID_VALUE: " + TooLong + ", not 14975d19h25m39s (\"9999d99999h999999m9999999s\").")]
    public void ALongerWait_IsRefusedWithItsLine(string after, string expected)
    {
        var loaded = Parse(after);

        Assert.False(loaded.IsSuccess);
        Assert.Equal(expected, Assert.Single(loaded.Problems).ToString());
    }

    [Fact]
    public void ALongerWaitInTheIncident_IsRefusedToo()
    {
        var loaded = Parse(incident: "30d");

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal((ScenarioCodes.InvalidValue, 18, 12), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.StartsWith(TooLong, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clock: 9999-06-01T00:00:00Z", "", 3, 8, "\"clock\"")]
    [InlineData("", "at: 9999-12-31T23:59:59Z", 23, 9, "\"at\"")]
    public void ATimeInTheCalendarsLastYear_IsRefused(string clock, string at, int line, int column, string field)
    {
        var loaded = Parse(clock: clock, at: at);

        Assert.False(loaded.IsSuccess);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal((ScenarioCodes.InvalidValue, line, column), (problem.Code, problem.Spot.Line, problem.Spot.Column));
        Assert.StartsWith($"{field} must be before 9999-01-01T00:00:00Z", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitsThatCarryTheClockIntoTheLastYear_AreRefusedAtTheStep()
    {
        var loaded = Parse(after: "7d", at: "at: 9998-12-28T00:00:00Z");

        Assert.Equal(
            "demo/scenario.yaml:27:9: SCENARIO_INVALID_VALUE: The waits of this check carry the world's clock to 9999-01-04T00:00:00Z; a scenario's clock must stay before 9999-01-01T00:00:00Z.",
            Assert.Single(loaded.Problems).ToString());
    }

    [Fact]
    public void AHiddenCheck_HasTheSameLimit()
    {
        var scenario = Parse().Scenario!;
        var hidden = """
            scenario: demo
            checks:
              - name: hidden-wait
                hint: h
                tests: "t"
                steps:
                  - as: arn:aws:iam::111111111111:user/dev
                    assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R" }
                  - after: 400d
                    request: { action: s3:ListAllMyBuckets, resource: "*" }
                expect: allowed
              - name: hidden-late
                hint: h
                tests: "t"
                at: 9998-12-31T12:00:00Z
                steps:
                  - as: arn:aws:iam::111111111111:user/dev
                    assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R" }
                  - after: 1d
                    request: { action: s3:ListAllMyBuckets, resource: "*" }
                expect: allowed
            """;

        var (checks, problems) = HiddenCheckLoader.Parse(hidden, "hidden/demo.yaml", scenario);

        Assert.Empty(checks);
        Assert.Equal(
            [
                "hidden/demo.yaml:9:16: SCENARIO_INVALID_VALUE: " + TooLong + ", not 400d (\"400d\").",
                "hidden/demo.yaml:19:9: SCENARIO_INVALID_VALUE: The waits of this check carry the world's clock to 9999-01-01T12:00:00Z; a scenario's clock must stay before 9999-01-01T00:00:00Z.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void TheLimit_IsTheAttackFilesLimit()
    {
        Assert.Equal(TimeSpan.FromDays(7), LabDuration.MaxWait);
        Assert.Equal(LabDuration.MaxWait, IamLab.Scenarios.Attacks.AttackReader.MaxAfter);
        Assert.True(LabDuration.MaxWait >= TimeSpan.FromSeconds(129_600), "a wait must pass the longest session AWS issues (GetSessionToken, 36 hours)");
    }
}
