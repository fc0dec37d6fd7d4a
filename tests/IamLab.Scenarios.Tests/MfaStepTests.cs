using IamLab.Scenarios.Loading;

namespace IamLab.Scenarios.Tests;

/// <summary>
/// A step's <c>mfa:</c> says how the caller signed, and so which MFA keys the request carries, as AWS sends them (IAM User
/// Guide, reference_policies_condition-keys: aws:MultiFactorAuthPresent is absent with long-term access keys, "true" or
/// "false" with temporary credentials; aws:MultiFactorAuthAge comes with MFA).
/// </summary>
public class MfaStepTests
{
    private static readonly string Scenario = Loading.OneCheckScenario.WithSteps("""
        - as: arn:aws:iam::111111111111:user/dev
          assumeRole: { roleArn: "arn:aws:iam::111111111111:role/R"MFA }
        """);

    private static IReadOnlyDictionary<string, string[]> ContextOf(string mfa)
    {
        var loaded = ScenarioLoader.Parse(Scenario.Replace("MFA", mfa, StringComparison.Ordinal), "demo/scenario.yaml", "demo");
        Assert.True(loaded.IsSuccess, string.Join("\n", loaded.Problems));
        return Assert.Single(loaded.Scenario!.Checks).Steps[0].AssumeRole!.Context;
    }

    [Fact]
    public void Omitted_IsALongTermAccessKey_WithNoMfaKey()
    {
        var context = ContextOf("");

        Assert.False(context.ContainsKey("aws:MultiFactorAuthPresent"));
        Assert.False(context.ContainsKey("aws:MultiFactorAuthAge"));
    }

    [Fact]
    public void True_IsACallWithMfa_PresentAndAge()
    {
        var context = ContextOf(", mfa: true");

        Assert.Equal(["true"], context["aws:MultiFactorAuthPresent"]);
        Assert.Equal(["0"], context["aws:MultiFactorAuthAge"]);
    }

    [Fact]
    public void False_IsTemporaryCredentialsWithoutMfa_FalseAndNoAge()
    {
        var context = ContextOf(", mfa: false");

        Assert.Equal(["false"], context["aws:MultiFactorAuthPresent"]);
        Assert.False(context.ContainsKey("aws:MultiFactorAuthAge"));
    }
}
